package io.financing.console;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Map;
import org.apache.kafka.common.KafkaException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What the pages are told when something fails, as JSON ({@code code}, {@code message}): the gRPC status a service
 * answered, passed on with its own words (INVALID_ARGUMENT names the field), or the part that is missing.
 */
@RestControllerAdvice
public class Refusals {

    private static final Map<Status.Code, HttpStatus> HTTP = Map.of(
            Status.Code.INVALID_ARGUMENT, HttpStatus.BAD_REQUEST,
            Status.Code.NOT_FOUND, HttpStatus.NOT_FOUND,
            Status.Code.UNAUTHENTICATED, HttpStatus.UNAUTHORIZED,
            Status.Code.PERMISSION_DENIED, HttpStatus.FORBIDDEN);

    /** The page's words for a failed call: its code, and the service's description. */
    public static String describe(StatusRuntimeException refusal) {
        Status status = refusal.getStatus();
        String description = status.getDescription() == null ? "" : ": " + status.getDescription();
        return switch (status.getCode()) {
            case UNAVAILABLE, DEADLINE_EXCEEDED -> status.getCode() + " (the service is not answering)" + description;
            default -> status.getCode() + description;
        };
    }

    @ExceptionHandler
    ResponseEntity<Map<String, String>> refused(StatusRuntimeException refusal) {
        return ResponseEntity.status(HTTP.getOrDefault(refusal.getStatus().getCode(), HttpStatus.SERVICE_UNAVAILABLE))
                .body(Map.of("code", refusal.getStatus().getCode().name(), "message", describe(refusal)));
    }

    @ExceptionHandler
    ResponseEntity<Map<String, String>> invalid(IllegalArgumentException invalid) {
        return ResponseEntity.badRequest().body(Map.of("code", "INVALID_ARGUMENT", "message", invalid.getMessage()));
    }

    @ExceptionHandler({DataAccessException.class, KafkaException.class})
    ResponseEntity<Map<String, String>> missing(RuntimeException missing) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(Map.of("code", "UNAVAILABLE", "message", missing.getMessage()));
    }
}

package io.financing.console.aggregate;

import io.financing.console.Calls;
import io.financing.console.Refusals;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The aggregate page: one aggregate's events beside its read-model row. */
@RestController
class AggregateController {

    private static final List<String> TYPES = List.of("Invoice", "Investor", "Issuer");

    private final EventStream events;
    private final ReadModelRows rows;

    AggregateController(EventStream events, ReadModelRows rows) {
        this.events = events;
        this.rows = rows;
    }

    @GetMapping("/api/aggregates/{id}")
    Mono<AggregateView> aggregate(@PathVariable String id, @RequestParam(required = false) String type) {
        UUID aggregateId = parse(id);
        return Calls.blocking(() -> view(aggregateId, type));
    }

    private AggregateView view(UUID id, String typeGiven) {
        Optional<EventStream.Stream> stream = Optional.empty();
        String eventStoreTrouble = null;
        try {
            stream = events.of(id);
            if (stream.isEmpty()) {
                eventStoreTrouble = "no stream " + id + " in the event store";
            }
        } catch (DataAccessException e) {
            eventStoreTrouble = "the event store is not answering: " + e.getMostSpecificCause().getMessage();
        }
        List<String> types = stream.map(found -> List.of(found.type()))
                .or(() -> Optional.ofNullable(typeGiven).filter(TYPES::contains).map(List::of)).orElse(TYPES);
        String readModelTrouble = null;
        for (String type : types) {
            try {
                Map<String, String> row = rows.row(type, id);
                return new AggregateView(id, type, stream.map(EventStream.Stream::events).orElse(List.of()),
                        eventStoreTrouble, row, null);
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() != Status.Code.NOT_FOUND) {
                    readModelTrouble = "the query service: " + Refusals.describe(e);
                    break;
                }
                readModelTrouble = "no row in the read model (yet)";
            }
        }
        return new AggregateView(id, types.size() == 1 ? types.getFirst() : null,
                stream.map(EventStream.Stream::events).orElse(List.of()), eventStoreTrouble, null, readModelTrouble);
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("id: not a UUID: \"" + id + "\"");
        }
    }
}

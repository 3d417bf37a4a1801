package io.financing.console;

import io.grpc.stub.AbstractStub;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * How the console calls what blocks (gRPC's blocking stubs, JDBC, Kafka's acknowledgements): never on the server's
 * event loop, and a gRPC call never longer than {@code callTimeout}.
 */
@Component
public class Calls {

    private final ConsoleProperties properties;

    Calls(ConsoleProperties properties) {
        this.properties = properties;
    }

    /** The call, made on a thread that may block, when the answer is subscribed to. */
    public static <T> Mono<T> blocking(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }

    /** The stub for one call, whose deadline is {@code callTimeout} from now. */
    public <S extends AbstractStub<S>> S timed(S stub) {
        return stub.withDeadlineAfter(properties.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }
}

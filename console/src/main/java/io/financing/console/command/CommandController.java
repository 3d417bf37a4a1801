package io.financing.console.command;

import io.financing.api.v1.CommandProgress;
import io.financing.api.v1.CommandStatusRequest;
import io.financing.api.v1.QueriesGrpc.QueriesStub;
import io.financing.console.Refusals;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * The command page's stream: the query service's WatchCommand, passed on as Server-Sent Events until the command is
 * settled. A page that closes cancels the watch.
 */
@RestController
class CommandController {

    /** A watch is renewed by the page after this long, as a page left open might stay for days. */
    private static final Duration WATCH = Duration.ofMinutes(10);

    private final QueriesStub watches;

    CommandController(QueriesStub watches) {
        this.watches = watches;
    }

    @GetMapping(path = "/api/commands/{id}/progress", produces = "text/event-stream")
    Flux<ServerSentEvent<?>> progress(@PathVariable String id) {
        return Flux.<ServerSentEvent<?>>create(sink -> watch(id, sink))
                .onErrorResume(StatusRuntimeException.class, refused -> Flux.just(
                        ServerSentEvent.builder(Refusals.describe(refused)).event("trouble").build()));
    }

    private void watch(String commandId, FluxSink<ServerSentEvent<?>> sink) {
        watches.withDeadlineAfter(WATCH.toMillis(), TimeUnit.MILLISECONDS).watchCommand(
                CommandStatusRequest.newBuilder().setCommandId(commandId).build(),
                new ClientResponseObserver<CommandStatusRequest, CommandProgress>() {
                    @Override
                    public void beforeStart(ClientCallStreamObserver<CommandStatusRequest> call) {
                        sink.onDispose(() -> call.cancel("the page went away", null));
                    }

                    @Override
                    public void onNext(CommandProgress progress) {
                        sink.next(ServerSentEvent.builder(Progress.of(progress)).event("progress").build());
                    }

                    @Override
                    public void onError(Throwable failure) {
                        sink.error(failure);
                    }

                    @Override
                    public void onCompleted() {
                        sink.complete();
                    }
                });
    }
}

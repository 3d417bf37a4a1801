package io.financing.query.grpc;

import io.financing.api.access.Caller;
import io.financing.api.v1.CausedEvent;
import io.financing.api.v1.CommandProgress;
import io.financing.query.command.CommandWatches;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;

/**
 * One client's watch of a command: a message each time the progress moves on, and the end once it is settled.
 * The caller's right to it is checked each time the progress is offered, since until the command is processed
 * nobody knows whose it is.
 */
final class ProgressStream implements CommandWatches.Watcher {

    private final Caller caller;
    private final ServerCallStreamObserver<CommandProgress> call;
    private boolean sentAny;
    private boolean sentStatus;
    private int sentEvents;
    private boolean ended;

    ProgressStream(Caller caller, ServerCallStreamObserver<CommandProgress> call) {
        this.caller = caller;
        this.call = call;
    }

    @Override
    public synchronized boolean offer(io.financing.query.command.CommandProgress progress) {
        if (ended || call.isCancelled()) {
            return false;
        }
        if (progress.status().isPresent() && !caller.actsFor(progress.status().get().issuedBy())) {
            end(Status.PERMISSION_DENIED.withDescription(caller + " may watch only its own commands"));
            return false;
        }
        // Offers can come out of order (the first read races the first notice): send only what moves on.
        boolean movesOn = !sentAny || (progress.status().isPresent() && !sentStatus)
                || progress.events().size() > sentEvents;
        if (movesOn) {
            call.onNext(QueriesEndpoint.progress(progress));
            sentAny = true;
            sentStatus = progress.status().isPresent();
            sentEvents = progress.events().size();
            if (progress.settled()) {
                ended = true;
                call.onCompleted();
            }
        }
        return !ended;
    }

    @Override
    public synchronized void unavailable(String why) {
        end(Status.UNAVAILABLE.withDescription(why));
    }

    private void end(Status status) {
        if (!ended && !call.isCancelled()) {
            call.onError(status.asRuntimeException());
        }
        ended = true;
    }
}

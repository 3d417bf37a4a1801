package io.financing.load;

import io.financing.api.v1.CommandProgress;
import io.financing.api.v1.CommandStatusRequest;
import io.financing.api.v1.QueriesGrpc;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.util.UUID;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures how long after a bid was accepted its client hears, through WatchCommand, that it is settled: as a
 * client sees it, with the read models already showing it. One stream per watched bid, opened as the bid is
 * accepted; no thread and no polling per watch. A sample: every {@code every}-th bid.
 */
final class Watches implements AutoCloseable {

    private static final long DEADLINE_SECONDS = 300;

    final Latencies settled = new Latencies();
    final AtomicLong failed = new AtomicLong();

    /** Idle watches that ended before the run did. */
    final AtomicLong idleFailed = new AtomicLong();

    private final QueriesGrpc.QueriesStub queries;
    private final int every;
    private final AtomicLong offered = new AtomicLong();
    private final Phaser open = new Phaser(1);
    private final Context.CancellableContext idle = Context.current().withCancellation();
    private int idleOpened;

    /** @param every watch one bid in this many; 0 watches none */
    Watches(ManagedChannel channel, int every) {
        this.queries = QueriesGrpc.newStub(channel);
        this.every = every;
    }

    /** Watches the command, accepted now, if it is one of the sample. */
    void accepted(String commandId) {
        if (every == 0 || offered.getAndIncrement() % every != 0) {
            return;
        }
        long acceptedAt = System.nanoTime();
        open.register();
        queries.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS).watchCommand(
                CommandStatusRequest.newBuilder().setCommandId(commandId).build(), new StreamObserver<>() {
                    @Override
                    public void onNext(CommandProgress progress) {
                        if (progress.getSettled()) {
                            settled.record(System.nanoTime() - acceptedAt);
                        }
                    }

                    @Override
                    public void onError(Throwable error) {
                        failed.incrementAndGet();
                        open.arriveAndDeregister();
                    }

                    @Override
                    public void onCompleted() {
                        open.arriveAndDeregister();
                    }
                });
    }

    /**
     * Opens watches of commands no one sends, held open for the whole run: a watch should cost nothing while its
     * command does not change, and these show what many open at once cost the query service.
     */
    void idle(int count) {
        idleOpened = count;
        idle.run(() -> {
            for (int i = 0; i < count; i++) {
                queries.watchCommand(CommandStatusRequest.newBuilder().setCommandId(UUID.randomUUID().toString())
                        .build(), new StreamObserver<>() {
                            @Override
                            public void onNext(CommandProgress progress) {
                            }

                            @Override
                            public void onError(Throwable error) {
                                if (!idle.isCancelled()) {
                                    idleFailed.incrementAndGet();
                                }
                            }

                            @Override
                            public void onCompleted() {
                                idleFailed.incrementAndGet(); // a command no one sent never settles
                            }
                        });
            }
        });
    }

    int idleOpened() {
        return idleOpened;
    }

    /** Waits for the watches still open to settle, as long as their deadline, and closes the idle ones. */
    @Override
    public void close() throws InterruptedException {
        idle.cancel(null);
        try {
            open.awaitAdvanceInterruptibly(open.arrive(), DEADLINE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            failed.addAndGet(open.getUnarrivedParties());
        }
    }
}

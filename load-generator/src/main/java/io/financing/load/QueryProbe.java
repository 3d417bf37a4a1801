package io.financing.load;

import io.financing.api.v1.InvoiceStatus;
import io.financing.api.v1.QueriesGrpc;
import io.grpc.ManagedChannel;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures how long after a bid was accepted its invoice shows FINANCED in the query service, by
 * asking every 2 ms at first, then at a twentieth of the time waited so far: each figure is within
 * 5 %, and under heavy load, when the query side lags by seconds, the probe does not become a load of
 * its own. A sample: at most {@link #PROBES} invoices are watched at once.
 */
final class QueryProbe implements AutoCloseable {

    private static final int PROBES = 4;
    private static final long POLL_NANOS = 2_000_000;
    private static final int PRECISION = 20;
    // As long as the run waits for bids to settle: under overload the query side lags by many seconds.
    private static final long GIVE_UP_NANOS = 300_000_000_000L;

    final Latencies financedInQueries = new Latencies();

    private final QueriesGrpc.QueriesBlockingStub queries;
    private final ExecutorService pollers = Executors.newFixedThreadPool(PROBES);
    private final Semaphore free = new Semaphore(PROBES);

    QueryProbe(ManagedChannel channel) {
        this.queries = QueriesGrpc.newBlockingStub(channel);
    }

    /** Watches the invoice from {@code acceptedAt} (nanoTime), unless all probes are busy. */
    void watch(UUID invoice, long acceptedAt) {
        if (free.tryAcquire()) {
            pollers.execute(() -> {
                try {
                    poll(invoice, acceptedAt);
                } finally {
                    free.release();
                }
            });
        }
    }

    private void poll(UUID invoice, long acceptedAt) {
        while (System.nanoTime() - acceptedAt < GIVE_UP_NANOS) {
            try {
                if (queries.getInvoice(Ids.proto(invoice)).getStatus() != InvoiceStatus.AVAILABLE) {
                    financedInQueries.record(System.nanoTime() - acceptedAt);
                    return;
                }
            } catch (io.grpc.StatusRuntimeException notYetProjected) {
                // NOT_FOUND until the invoice's creation is projected
            }
            LockSupport.parkNanos(Math.max(POLL_NANOS, (System.nanoTime() - acceptedAt) / PRECISION));
        }
    }

    @Override
    public void close() throws InterruptedException {
        pollers.shutdown();
        pollers.awaitTermination(GIVE_UP_NANOS, TimeUnit.NANOSECONDS);
    }
}

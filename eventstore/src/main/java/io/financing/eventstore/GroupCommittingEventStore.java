package io.financing.eventstore;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An event store whose writes from concurrent callers share transactions: one statement (one round
 * trip) and one commit (one flush to disk) for many creates and appends. A single commit per append
 * caps a writer at what the disk can flush; this store passes that ceiling (BENCHMARKS.md) with
 * every guarantee kept: a call returns only once its events are durable, each stream's version is
 * still checked on its own, and a write that loses its stream to another writer fails alone.
 *
 * <p>No thread of its own: a caller who finds no batch in flight leads, writing everything queued
 * (one write per stream) in one transaction, then hands the lead to the oldest writer still queued;
 * writers who arrive meanwhile queue for the next batch. So a lone writer pays no hand-over, and the
 * batches grow with the load. One batch in flight at a time: a second only halved the batches
 * (BENCHMARKS.md). Writes commit on their own, so calling it inside a transaction
 * of the caller's is refused. Reads and snapshots go straight to the database.
 */
public final class GroupCommittingEventStore extends JdbcEventStore {

    /**
     * @param batchSize the most writes in one transaction
     */
    public record Settings(int batchSize) {
        public static final Settings DEFAULT = new Settings(256);
    }

    /** A write waiting for its batch, then its outcome; its writer sleeps until then or until it leads. */
    private static final class Pending {
        final StreamWrites.Write write;
        final Thread writer = Thread.currentThread();
        volatile StreamWrites.Outcome outcome;
        volatile RuntimeException failure;
        volatile boolean leads;

        Pending(StreamWrites.Write write) {
            this.write = write;
        }

        boolean done() {
            return outcome != null || failure != null;
        }
    }

    private static final Duration GATHERING = Duration.ofNanos(300_000);

    private final DataSource dataSource;
    private final Settings settings;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private boolean leading; // a batch is in flight
    // Read without the lock while gathering, hence volatile.
    private volatile int queued;
    private volatile int lastBatchSize;

    private final DistributionSummary batchSizes;

    /** A store that reports no metrics. */
    public GroupCommittingEventStore(DataSource dataSource, EventsStoredNotifier notifier, Settings settings) {
        this(dataSource, notifier, settings, Metrics.globalRegistry);
    }

    /** A store that reports how many writes each transaction took ({@code financing.eventstore.group.commit.writes}). */
    public GroupCommittingEventStore(DataSource dataSource, EventsStoredNotifier notifier, Settings settings,
                                     MeterRegistry meters) {
        super(dataSource, notifier);
        this.dataSource = dataSource;
        this.settings = settings;
        this.batchSizes = DistributionSummary.builder("financing.eventstore.group.commit.writes")
                .description("Writes committed together in one transaction")
                .register(meters);
    }

    @Override
    List<StoredEvent> write(StreamWrites.Write write) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Group-committed writes commit on their own; "
                    + "inside a transaction, use a PostgresEventStore, which joins it");
        }
        Pending pending = new Pending(write);
        lock.lock();
        try {
            queue.add(pending);
            queued = queue.size();
            if (!leading) {
                leading = true;
                pending.leads = true;
            }
        } finally {
            lock.unlock();
        }
        while (!pending.done()) {
            if (pending.leads) {
                pending.leads = false;
                lead();
            } else {
                LockSupport.park(this);
            }
        }
        if (pending.failure != null) {
            throw pending.failure;
        }
        return pending.outcome.orThrow();
    }

    /**
     * Writes the next batch, wakes its writers, then hands the lead to the oldest writer still queued,
     * if any. Only its writers are woken, each alone: waking every
     * waiter at each commit queued them all on one lock and cost more than the statement.
     */
    private void lead() {
        gatherWritersJustWoken();
        List<Pending> batch;
        lock.lock();
        try {
            batch = nextBatch();
            queued = queue.size();
            lastBatchSize = batch.size();
        } finally {
            lock.unlock();
        }
        List<Pending> again = new ArrayList<>();
        try {
            if (!batch.isEmpty()) {
                batchSizes.record(batch.size());
                commit(batch, again);
            }
        } finally {
            for (Pending written : batch) {
                if (!written.done() && !again.contains(written)) {
                    written.failure = new IllegalStateException("The batch of this write failed unexpectedly");
                }
                LockSupport.unpark(written.writer);
            }
            handOver(again);
        }
    }

    /**
     * Gives the writers the last batch woke a moment to queue their next writes, so that this batch
     * takes them along instead of leaving them for the next: at steady load, batches otherwise split
     * into two halves that take turns. Waits only while fewer writes are queued than the last batch
     * held, and at most {@link #GATHERING}; a lone writer never waits.
     */
    private void gatherWritersJustWoken() {
        long deadline = System.nanoTime() + GATHERING.toNanos();
        while (queued < lastBatchSize && System.nanoTime() < deadline) {
            Thread.yield();
        }
    }

    /** Queues {@code again} first, then hands the lead to the oldest queued writer, if any. */
    private void handOver(List<Pending> again) {
        lock.lock();
        try {
            for (int i = again.size() - 1; i >= 0; i--) {
                queue.addFirst(again.get(i));
            }
            queued = queue.size();
            Pending next = queue.peekFirst();
            if (next == null) {
                leading = false;
            } else {
                next.leads = true;
                LockSupport.unpark(next.writer);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The oldest queued writes, one per stream: a later write to a stream waits for the next batch. */
    private List<Pending> nextBatch() {
        List<Pending> batch = new ArrayList<>();
        Set<UUID> streams = new HashSet<>();
        for (Iterator<Pending> queued = queue.iterator(); queued.hasNext() && batch.size() < settings.batchSize(); ) {
            Pending pending = queued.next();
            if (streams.add(pending.write.streamId())) {
                batch.add(pending);
                queued.remove();
            }
        }
        return batch;
    }

    /**
     * Writes the batch in one statement, its own transaction. A write whose stream a younger
     * transaction wrote meanwhile ({@link StaleTransactionException}) goes into {@code again}: it
     * succeeds in the next batch's transaction, so its writer never hears of it.
     */
    private void commit(List<Pending> batch, List<Pending> again) {
        try (Connection connection = dataSource.getConnection()) {
            // One statement is a transaction of its own: PostgreSQL commits it in the same round trip.
            connection.setAutoCommit(true);
            var jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            List<StreamWrites.Write> writes = batch.stream().map(pending -> pending.write).toList();
            List<StreamWrites.Outcome> outcomes = writes.size() == 1 ? List.of(StreamWrites.writeOne(jdbc, writes.get(0)))
                    : StreamWrites.writeMany(jdbc, writes);
            for (int i = 0; i < batch.size(); i++) {
                if (outcomes.get(i).refusal() instanceof StaleTransactionException) {
                    again.add(batch.get(i));
                } else {
                    batch.get(i).outcome = outcomes.get(i);
                }
            }
            notifier.eventsStored();
        } catch (RuntimeException | SQLException e) {
            if (batch.size() > 1) {
                batch.forEach(pending -> commit(List.of(pending), again)); // so that bad data fails only its writer
                return;
            }
            batch.get(0).failure = e instanceof RuntimeException runtime ? runtime
                    : new DataAccessResourceFailureException("Could not write to stream " + batch.get(0).write.streamId(), e);
        }
    }
}

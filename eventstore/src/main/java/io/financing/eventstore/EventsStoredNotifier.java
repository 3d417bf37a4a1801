package io.financing.eventstore;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes the readers of all events ({@link EventNotifications}) after events were stored, from outside
 * the transactions that stored them. A trigger on the events table did this from inside, and made
 * PostgreSQL serialise every commit that stored events on its one notification lock: at 16 writers,
 * appends halved (BENCHMARKS.md). Here one thread sends at most one notification per interval, in a
 * transaction of its own with {@code synchronous_commit} off: a wake-up call needs no durability,
 * the events it announces have theirs already. A lost one costs a reader one poll interval.
 */
public final class EventsStoredNotifier implements AutoCloseable {

    /** Notifies no one: readers find new events by polling. */
    public static final EventsStoredNotifier NONE = new EventsStoredNotifier();

    private static final Logger log = LoggerFactory.getLogger(EventsStoredNotifier.class);
    private static final String NOTIFY = "SET LOCAL synchronous_commit = off; SELECT pg_notify('"
            + EventNotifications.CHANNEL + "', '')";

    private final DataSource dataSource;
    private final Duration interval;
    private final AtomicBoolean stored = new AtomicBoolean();
    private final Thread thread;
    private volatile boolean running = true;

    private EventsStoredNotifier() {
        dataSource = null;
        interval = Duration.ZERO;
        thread = null;
    }

    /** Sends at most one notification every {@code interval} (a millisecond or two is plenty). */
    public EventsStoredNotifier(DataSource dataSource, Duration interval) {
        this.dataSource = dataSource;
        this.interval = interval;
        thread = new Thread(this::notifyWhileRunning, "events-stored-notifier");
        thread.setDaemon(true);
        thread.start();
    }

    /** Events were stored and committed: readers should look. */
    public void eventsStored() {
        if (thread != null && stored.compareAndSet(false, true)) {
            LockSupport.unpark(thread);
        }
    }

    /**
     * Events were stored in the current Spring-managed transaction, if there is one: notifies once it
     * commits, and not at all if it rolls back. Without one, the events are committed already.
     */
    public void afterCommit() {
        AfterCommit.run(this::eventsStored);
    }

    private void notifyWhileRunning() {
        while (running) {
            if (!stored.getAndSet(false)) {
                LockSupport.park(this);
                continue;
            }
            try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                statement.execute(NOTIFY);
                connection.commit();
            } catch (SQLException e) {
                log.warn("Could not notify readers of stored events; they will find them at their next poll", e);
            }
            try {
                Thread.sleep(interval.toMillis()); // an unpark would cut a parkNanos short
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }
}

package io.financing.eventstore;

import java.util.List;
import javax.sql.DataSource;

/**
 * The event store on PostgreSQL. Each create or append is a single statement (see {@link StreamWrites}),
 * hence one round trip, atomic even without a transaction, and part of the caller's transaction when
 * there is one. A writer that lost the race inserts nothing, raises no database error (the caller's
 * transaction goes on, so it can reload and retry), and is told why by a second query.
 */
public final class PostgresEventStore extends JdbcEventStore {

    /** A store whose readers of all events learn of new events only by polling. */
    public PostgresEventStore(DataSource dataSource) {
        this(dataSource, EventsStoredNotifier.NONE);
    }

    /** A store that wakes readers of all events once its writes commit. */
    public PostgresEventStore(DataSource dataSource, EventsStoredNotifier notifier) {
        super(dataSource, notifier);
    }

    @Override
    List<StoredEvent> write(StreamWrites.Write write) {
        List<StoredEvent> stored = StreamWrites.writeOne(jdbc, write).orThrow();
        notifier.afterCommit();
        return stored;
    }
}

package io.financing.eventstore;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the event stores on PostgreSQL share: reads, snapshots, and creates and appends as
 * {@link StreamWrites.Write}s, which each store writes its own way.
 */
abstract sealed class JdbcEventStore implements EventStore permits PostgresEventStore, GroupCommittingEventStore {

    /** The columns {@link #STORED_EVENT} reads. */
    static final String SELECT_EVENTS = """
            SELECT position, transaction_id::text, event_id, stream_id, stream_type, version, name, data::text,
                   (metadata->>'correlationId')::uuid, (metadata->>'causationId')::uuid, occurred_at,
                   metadata->>'traceparent'
            FROM eventstore.events
            """;
    private static final String READ = SELECT_EVENTS + "WHERE stream_id = ? AND version >= ? ORDER BY version";
    // Advisory locks, not row locks: a row lock would take the transaction's id at once, long before its writes,
    // and a younger writer that got in meanwhile would make them stale (StaleTransactionException).
    private static final String HOLD = "SELECT pg_advisory_xact_lock(k) FROM unnest(?::bigint[]) AS k";
    private static final String VERSIONS = "SELECT stream_id, version FROM eventstore.streams WHERE stream_id = ANY(?)";
    private static final String VERSION = "SELECT version FROM eventstore.streams WHERE stream_id = ?";
    // A stream's older snapshots go as a new one is saved: loads read only the latest, so the older ones would only
    // grow the table, by one row per hundred events, for nothing.
    private static final String SAVE_SNAPSHOT = """
            WITH saved AS (
                INSERT INTO eventstore.snapshots (stream_id, version, type, data)
                SELECT stream_id, ?, ?, ?::jsonb FROM eventstore.streams WHERE stream_id = ? AND version >= ?
                ON CONFLICT (stream_id, version) DO UPDATE SET type = excluded.type, data = excluded.data
                RETURNING stream_id, version
            ), superseded AS (
                DELETE FROM eventstore.snapshots older USING saved
                WHERE older.stream_id = saved.stream_id AND older.version < saved.version
            )
            SELECT count(*) FROM saved
            """;
    private static final String LATEST_SNAPSHOT = """
            SELECT version, type, data::text FROM eventstore.snapshots
            WHERE stream_id = ? ORDER BY version DESC LIMIT 1
            """;

    /** Reads the columns of {@link #SELECT_EVENTS}. */
    static final RowMapper<StoredEvent> STORED_EVENT = (rs, row) -> new StoredEvent(
            rs.getLong(1), Long.parseLong(rs.getString(2)), rs.getObject(3, UUID.class), rs.getObject(4, UUID.class),
            rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8),
            new EventMetadata(rs.getObject(9, UUID.class), rs.getObject(10, UUID.class), rs.getString(12)),
            rs.getObject(11, OffsetDateTime.class).toInstant());

    final JdbcTemplate jdbc;
    final EventsStoredNotifier notifier;

    JdbcEventStore(DataSource dataSource, EventsStoredNotifier notifier) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.notifier = notifier;
    }

    @Override
    public final List<StoredEvent> create(UUID streamId, String streamType, List<NewEvent> events) {
        return write(StreamWrites.Write.create(streamId, streamType, events));
    }

    @Override
    public final List<StoredEvent> append(UUID streamId, long expectedVersion, List<NewEvent> events) {
        return write(StreamWrites.Write.append(streamId, expectedVersion, events));
    }

    /** Writes the events of a create or an append, or throws why not. */
    abstract List<StoredEvent> write(StreamWrites.Write write);

    @Override
    public final Map<UUID, Long> hold(Collection<UUID> streamIds) {
        requireTransaction("Streams are held until the transaction that holds them ends");
        Map<UUID, Long> versions = new HashMap<>();
        if (streamIds.isEmpty()) {
            return versions;
        }
        // One lock per stream, keyed by its id's 64 bits folded; ids that share a key only share the wait.
        Object[] keys = streamIds.stream().mapToLong(id -> id.getMostSignificantBits() ^ id.getLeastSignificantBits())
                .distinct().sorted().boxed().toArray();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(HOLD);
            statement.setArray(1, connection.createArrayOf("int8", keys));
            return statement;
        }, row -> {
        });
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(VERSIONS);
            statement.setArray(1, connection.createArrayOf("uuid", streamIds.toArray()));
            return statement;
        }, row -> {
            versions.put(row.getObject(1, UUID.class), row.getLong(2));
        });
        return versions;
    }

    /**
     * Makes a batch's writes in one statement, then its snapshots, in the caller's transaction: a write that lost
     * its claim writes nothing but lets the others through, so only the transaction's rollback makes it all or none.
     */
    @Override
    public final void write(StagedWrites staged) {
        requireTransaction("A batch's writes are all or none only inside a transaction");
        if (staged.isEmpty()) {
            return;
        }
        StreamWrites.writeMany(jdbc, staged.writes()).forEach(StreamWrites.Outcome::orThrow);
        staged.snapshots().forEach(this::saveSnapshot);
        notifier.afterCommit();
    }

    private static void requireTransaction(String why) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(why);
        }
    }

    @Override
    public List<StoredEvent> read(UUID streamId, long fromVersion) {
        return jdbc.query(READ, STORED_EVENT, streamId, fromVersion);
    }

    @Override
    public boolean contains(UUID streamId) {
        return version(streamId).isPresent();
    }

    @Override
    public void saveSnapshot(Snapshot snapshot) {
        int saved = jdbc.queryForObject(SAVE_SNAPSHOT, Integer.class, snapshot.version(), snapshot.type(),
                snapshot.data(), snapshot.streamId(), snapshot.version());
        if (saved == 0) {
            throw new SnapshotRejectedException(version(snapshot.streamId())
                    .map(actual -> "Stream " + snapshot.streamId() + " is at version " + actual
                            + ", behind a snapshot at version " + snapshot.version())
                    .orElse("Stream " + snapshot.streamId() + " does not exist"));
        }
    }

    @Override
    public Optional<Snapshot> latestSnapshot(UUID streamId) {
        return jdbc.query(LATEST_SNAPSHOT, (rs, row) ->
                new Snapshot(streamId, rs.getLong(1), rs.getString(2), rs.getString(3)), streamId).stream().findFirst();
    }

    private Optional<Long> version(UUID streamId) {
        return jdbc.queryForList(VERSION, Long.class, streamId).stream().findFirst();
    }
}

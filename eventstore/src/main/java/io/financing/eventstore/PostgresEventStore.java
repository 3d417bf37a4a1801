package io.financing.eventstore;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.RowMapper;

/**
 * The event store on PostgreSQL. Each create or append is a single statement, hence one round trip and
 * atomic even without a transaction: it claims the stream's row (insert for a new stream, a
 * conditional update of its version for an existing one) and inserts the events only if the claim
 * succeeded. A writer that lost the race inserts nothing and is told why by a second query.
 */
public final class PostgresEventStore implements EventStore {

    private static final String CREATE = """
            WITH stream AS (
                INSERT INTO eventstore.streams (stream_id, stream_type, version) VALUES (?, ?, ?)
                ON CONFLICT (stream_id) DO NOTHING
                RETURNING stream_id, stream_type)
            """;
    private static final String APPEND = """
            WITH stream AS (
                UPDATE eventstore.streams SET version = ? WHERE stream_id = ? AND version = ?
                RETURNING stream_id, stream_type)
            """;
    // Inserts the events, a row of parameters each, only if the claim on the stream above succeeded.
    private static final String INSERT_EVENTS = """
            INSERT INTO eventstore.events (event_id, stream_id, stream_type, version, name, data, metadata, occurred_at)
            SELECT e.event_id, stream.stream_id, stream.stream_type, e.version, e.name, e.data, e.metadata, e.occurred_at
            FROM stream, (VALUES %s) AS e(event_id, version, name, data, metadata, occurred_at)
            RETURNING version, position, transaction_id::text, stream_type
            """;
    private static final String EVENT_ROW = "(?::uuid, ?::bigint, ?, ?::jsonb, ?::jsonb, ?::timestamptz)";
    /** The columns {@link #STORED_EVENT} reads. */
    static final String SELECT_EVENTS = """
            SELECT position, transaction_id::text, event_id, stream_id, stream_type, version, name, data::text,
                   (metadata->>'correlationId')::uuid, (metadata->>'causationId')::uuid, occurred_at
            FROM eventstore.events
            """;
    private static final String READ = SELECT_EVENTS + "WHERE stream_id = ? AND version >= ? ORDER BY version";
    private static final String VERSION = "SELECT version FROM eventstore.streams WHERE stream_id = ?";
    private static final String SAVE_SNAPSHOT = """
            INSERT INTO eventstore.snapshots (stream_id, version, type, data)
            SELECT stream_id, ?, ?, ?::jsonb FROM eventstore.streams WHERE stream_id = ? AND version >= ?
            ON CONFLICT (stream_id, version) DO UPDATE SET type = excluded.type, data = excluded.data
            """;
    private static final String LATEST_SNAPSHOT = """
            SELECT version, type, data::text FROM eventstore.snapshots
            WHERE stream_id = ? ORDER BY version DESC LIMIT 1
            """;

    /** Reads the columns of {@link #SELECT_EVENTS}. */
    static final RowMapper<StoredEvent> STORED_EVENT = (rs, row) -> new StoredEvent(
            rs.getLong(1), Long.parseLong(rs.getString(2)), rs.getObject(3, UUID.class), rs.getObject(4, UUID.class),
            rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8),
            new EventMetadata(rs.getObject(9, UUID.class), rs.getObject(10, UUID.class)),
            rs.getObject(11, OffsetDateTime.class).toInstant());

    private final JdbcTemplate jdbc;

    public PostgresEventStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public List<StoredEvent> create(UUID streamId, String streamType, List<NewEvent> events) {
        List<StoredEvent> stored = write(CREATE, streamId, 0, events, streamId, streamType, (long) events.size());
        if (stored.isEmpty()) {
            throw new StreamAlreadyExistsException(streamId);
        }
        return stored;
    }

    @Override
    public List<StoredEvent> append(UUID streamId, long expectedVersion, List<NewEvent> events) {
        List<StoredEvent> stored = write(APPEND, streamId, expectedVersion, events,
                expectedVersion + events.size(), streamId, expectedVersion);
        if (stored.isEmpty()) {
            throw version(streamId)
                    .<EventStoreException>map(actual -> new ConcurrencyConflictException(streamId, expectedVersion, actual))
                    .orElseGet(() -> new StreamNotFoundException(streamId));
        }
        return stored;
    }

    /**
     * Runs CREATE or APPEND, whose parameters, {@code claim}, claim the stream, followed by the insert of
     * the events. Empty if the claim failed.
     */
    private List<StoredEvent> write(String claimSql, UUID streamId, long versionBefore, List<NewEvent> events,
                                    Object... claim) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("No events to write: a stream never has an empty change");
        }
        String sql = claimSql + INSERT_EVENTS.formatted(String.join(", ", Collections.nCopies(events.size(), EVENT_ROW)));
        PreparedStatementCreator statement = connection -> {
            PreparedStatement ps = connection.prepareStatement(sql);
            int i = 1;
            for (Object parameter : claim) {
                ps.setObject(i++, parameter);
            }
            long version = versionBefore;
            for (NewEvent event : events) {
                ps.setObject(i++, event.eventId());
                ps.setLong(i++, ++version);
                ps.setString(i++, event.name());
                ps.setString(i++, event.data());
                ps.setString(i++, metadataJson(event.metadata()));
                ps.setObject(i++, event.occurredAt().atOffset(ZoneOffset.UTC));
            }
            return ps;
        };
        Map<Long, Written> written = new HashMap<>();
        jdbc.query(statement, (ResultSet rs) -> {
            written.put(rs.getLong(1), new Written(rs.getLong(2), Long.parseLong(rs.getString(3)), rs.getString(4)));
        });
        if (written.isEmpty()) {
            return List.of();
        }
        return IntStream.range(0, events.size()).mapToObj(n -> {
            NewEvent event = events.get(n);
            long version = versionBefore + n + 1;
            Written at = written.get(version);
            return new StoredEvent(at.position(), at.transactionId(), event.eventId(), streamId, at.streamType(),
                    version, event.name(), event.data(), event.metadata(), event.occurredAt());
        }).toList();
    }

    private record Written(long position, long transactionId, String streamType) {
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
        int saved = jdbc.update(SAVE_SNAPSHOT, snapshot.version(), snapshot.type(), snapshot.data(),
                snapshot.streamId(), snapshot.version());
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

    static String metadataJson(EventMetadata metadata) {
        return "{\"correlationId\":\"" + metadata.correlationId() + "\",\"causationId\":\"" + metadata.causationId()
                + "\"}";
    }
}

package io.financing.eventstore;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;

/**
 * Writes to streams in one statement, hence one round trip: each write claims its stream (a create
 * inserts the stream's row, an append moves its version from the expected one) and inserts its
 * events only if that claim succeeded. The claim also keeps each stream's events in the order of all
 * events, (writing transaction, position): it fails when the stream's last writer is a younger
 * transaction than this one (which can happen, since a transaction's id is taken at its first
 * write, perhaps long before it claims the stream). A write that lost its claim writes nothing and raises no
 * database error, so the others and the surrounding transaction go on; each writer is told what
 * happened by an {@link Outcome}. One write's statement takes a row of parameters per event; many
 * writes' statement takes arrays, so that it is one prepared statement whatever their number.
 */
final class StreamWrites {

    private static final String CREATE_ONE = """
            WITH claimed AS (
                INSERT INTO eventstore.streams (stream_id, stream_type, version, last_transaction_id)
                VALUES (?, ?, ?, pg_current_xact_id())
                ON CONFLICT (stream_id) DO NOTHING
                RETURNING stream_id, stream_type)
            """;
    private static final String APPEND_ONE = """
            WITH claimed AS (
                UPDATE eventstore.streams SET version = ?, last_transaction_id = pg_current_xact_id()
                WHERE stream_id = ? AND version = ? AND last_transaction_id <= pg_current_xact_id()
                RETURNING stream_id, stream_type)
            """;
    private static final String INSERT_ONES_EVENTS = """
            INSERT INTO eventstore.events (event_id, stream_id, stream_type, version, name, data, metadata, occurred_at)
            SELECT e.event_id, claimed.stream_id, claimed.stream_type, e.version, e.name, e.data, e.metadata, e.occurred_at
            FROM claimed, (VALUES %s) AS e(event_id, version, name, data, metadata, occurred_at)
            RETURNING stream_id, version, position, transaction_id::text, stream_type
            """;
    private static final String EVENT_ROW = "(?::uuid, ?::bigint, ?, ?::jsonb, ?::jsonb, ?::timestamptz)";
    // At most one write per stream: a second would claim against the version the statement started from.
    private static final String WRITE_MANY = """
            WITH created AS (
                INSERT INTO eventstore.streams (stream_id, stream_type, version, last_transaction_id)
                SELECT *, pg_current_xact_id() FROM unnest(?::uuid[], ?::text[], ?::bigint[])
                ON CONFLICT (stream_id) DO NOTHING
                RETURNING stream_id, stream_type
            ), appended AS (
                UPDATE eventstore.streams s SET version = a.version, last_transaction_id = pg_current_xact_id()
                FROM unnest(?::uuid[], ?::bigint[], ?::bigint[]) AS a(stream_id, expected, version)
                WHERE s.stream_id = a.stream_id AND s.version = a.expected AND s.last_transaction_id <= pg_current_xact_id()
                RETURNING s.stream_id, s.stream_type
            ), claimed AS (
                SELECT * FROM created UNION ALL SELECT * FROM appended
            )
            INSERT INTO eventstore.events (event_id, stream_id, stream_type, version, name, data, metadata, occurred_at)
            SELECT e.event_id, stream_id, claimed.stream_type, e.version, e.name, e.data::jsonb, e.metadata::jsonb,
                   e.occurred_at::timestamptz
            FROM claimed JOIN unnest(?::uuid[], ?::uuid[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[])
                WITH ORDINALITY AS e(event_id, stream_id, version, name, data, metadata, occurred_at, n) USING (stream_id)
            ORDER BY e.n -- positions follow the writes' order, so each stream's are in the order of its versions
            RETURNING stream_id, version, position, transaction_id::text, stream_type
            """;
    private static final String VERSIONS = "SELECT stream_id, version FROM eventstore.streams WHERE stream_id = ANY(?)";

    /** A create ({@code expectedVersion} 0, with the stream's type) or an append, before it runs. */
    record Write(UUID streamId, String streamType, long expectedVersion, List<NewEvent> events) {
        Write {
            if (events.isEmpty()) {
                throw new IllegalArgumentException("No events to write: a stream never has an empty change");
            }
        }

        static Write create(UUID streamId, String streamType, List<NewEvent> events) {
            return new Write(streamId, streamType, 0, events);
        }

        static Write append(UUID streamId, long expectedVersion, List<NewEvent> events) {
            return new Write(streamId, null, expectedVersion, events);
        }

        boolean creates() {
            return expectedVersion == 0;
        }
    }

    /** What became of a write: its stored events, or why it wrote nothing. */
    record Outcome(List<StoredEvent> stored, EventStoreException refusal) {
        List<StoredEvent> orThrow() {
            if (refusal != null) {
                throw refusal;
            }
            return stored;
        }
    }

    private record Written(long position, long transactionId, String streamType) {
    }

    private StreamWrites() {
    }

    /** Runs the write, in the transaction of {@code jdbc}'s connection if there is one. */
    static Outcome writeOne(JdbcTemplate jdbc, Write write) {
        return outcomes(jdbc, List.of(write), connection -> statementForOne(connection, write)).get(0);
    }

    /**
     * Runs the writes, distinct streams each, in the transaction of {@code jdbc}'s connection if there
     * is one. Returns each write's outcome, in their order.
     */
    static List<Outcome> writeMany(JdbcTemplate jdbc, List<Write> writes) {
        return outcomes(jdbc, writes, connection -> statementForMany(connection, writes));
    }

    private static List<Outcome> outcomes(JdbcTemplate jdbc, List<Write> writes, PreparedStatementCreator statement) {
        Map<UUID, Map<Long, Written>> written = new HashMap<>();
        jdbc.query(statement, rs -> {
            written.computeIfAbsent(rs.getObject(1, UUID.class), id -> new HashMap<>()).put(rs.getLong(2),
                    new Written(rs.getLong(3), Long.parseLong(rs.getString(4)), rs.getString(5)));
        });
        Map<UUID, Long> versionsOfLosers = versions(jdbc, writes.stream()
                .filter(write -> !write.creates() && !written.containsKey(write.streamId()))
                .map(Write::streamId).toList());
        return writes.stream().map(write -> {
            Map<Long, Written> rows = written.get(write.streamId());
            return rows != null ? new Outcome(stored(write, rows), null)
                    : new Outcome(null, refusal(write, versionsOfLosers.get(write.streamId())));
        }).toList();
    }

    private static PreparedStatement statementForOne(Connection connection, Write write) throws SQLException {
        String claim = write.creates() ? CREATE_ONE : APPEND_ONE;
        PreparedStatement ps = connection.prepareStatement(claim
                + INSERT_ONES_EVENTS.formatted(String.join(", ", Collections.nCopies(write.events().size(), EVENT_ROW))));
        long version = write.expectedVersion() + write.events().size();
        Object[] claimParameters = write.creates() ? new Object[]{write.streamId(), write.streamType(), version}
                : new Object[]{version, write.streamId(), write.expectedVersion()};
        int i = 1;
        for (Object parameter : claimParameters) {
            ps.setObject(i++, parameter);
        }
        version = write.expectedVersion();
        for (NewEvent event : write.events()) {
            ps.setObject(i++, event.eventId());
            ps.setLong(i++, ++version);
            ps.setString(i++, event.name());
            ps.setString(i++, event.data());
            ps.setString(i++, metadataJson(event.metadata()));
            ps.setObject(i++, event.occurredAt().atOffset(ZoneOffset.UTC));
        }
        return ps;
    }

    private static PreparedStatement statementForMany(Connection connection, List<Write> writes) throws SQLException {
        List<Write> creates = writes.stream().filter(Write::creates).toList();
        List<Write> appends = writes.stream().filter(write -> !write.creates()).toList();
        List<Object[]> events = new ArrayList<>();
        for (Write write : writes) {
            long version = write.expectedVersion();
            for (NewEvent event : write.events()) {
                events.add(new Object[]{event.eventId(), write.streamId(), ++version, event.name(), event.data(),
                        metadataJson(event.metadata()), event.occurredAt().toString()});
            }
        }
        PreparedStatement ps = connection.prepareStatement(WRITE_MANY);
        int i = 1;
        ps.setArray(i++, array(connection, "uuid", creates, Write::streamId));
        ps.setArray(i++, array(connection, "text", creates, Write::streamType));
        ps.setArray(i++, array(connection, "int8", creates, write -> (long) write.events().size()));
        ps.setArray(i++, array(connection, "uuid", appends, Write::streamId));
        ps.setArray(i++, array(connection, "int8", appends, Write::expectedVersion));
        ps.setArray(i++, array(connection, "int8", appends, write -> write.expectedVersion() + write.events().size()));
        String[] types = {"uuid", "uuid", "int8", "text", "text", "text", "text"}; // type names as pg_type has them: others cost a lookup each time
        for (int column = 0; column < types.length; column++) {
            int c = column;
            ps.setArray(i++, array(connection, types[c], events, row -> row[c]));
        }
        return ps;
    }

    private static <T> Array array(Connection connection, String type, List<T> rows,
                                   Function<T, Object> column) throws SQLException {
        return connection.createArrayOf(type, rows.stream().map(column).toArray());
    }

    private static Map<UUID, Long> versions(JdbcTemplate jdbc, List<UUID> streams) {
        Map<UUID, Long> versions = new HashMap<>();
        if (!streams.isEmpty()) {
            jdbc.query(connection -> {
                PreparedStatement ps = connection.prepareStatement(VERSIONS);
                ps.setArray(1, connection.createArrayOf("uuid", streams.toArray()));
                return ps;
            }, rs -> {
                versions.put(rs.getObject(1, UUID.class), rs.getLong(2));
            });
        }
        return versions;
    }

    private static List<StoredEvent> stored(Write write, Map<Long, Written> rows) {
        return IntStream.range(0, write.events().size()).mapToObj(n -> {
            NewEvent event = write.events().get(n);
            long version = write.expectedVersion() + n + 1;
            Written at = rows.get(version);
            return new StoredEvent(at.position(), at.transactionId(), event.eventId(), write.streamId(),
                    at.streamType(), version, event.name(), event.data(), event.metadata(), event.occurredAt());
        }).toList();
    }

    private static EventStoreException refusal(Write write, Long actualVersion) {
        if (write.creates()) {
            return new StreamAlreadyExistsException(write.streamId());
        }
        if (actualVersion == null) {
            return new StreamNotFoundException(write.streamId());
        }
        return actualVersion == write.expectedVersion() ? new StaleTransactionException(write.streamId())
                : new ConcurrencyConflictException(write.streamId(), write.expectedVersion(), actualVersion);
    }

    /** By hand, as it is on the hot path: every part is a UUID or a checked traceparent, none needs escaping. */
    private static String metadataJson(EventMetadata metadata) {
        return "{\"correlationId\":\"" + metadata.correlationId() + "\",\"causationId\":\"" + metadata.causationId()
                + (metadata.traceparent() == null ? "" : "\",\"traceparent\":\"" + metadata.traceparent()) + "\"}";
    }
}

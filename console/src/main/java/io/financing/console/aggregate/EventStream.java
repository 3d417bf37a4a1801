package io.financing.console.aggregate;

import io.financing.api.json.EventJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One aggregate's stream, read from the event store (read-only: the console's connections are), as
 * {@code ./financing inspect} reads it.
 */
@Component
class EventStream {

    /** A stream: its aggregate's type, and its events by version. */
    record Stream(String type, List<StoredEvent> events) {
    }

    private final JdbcTemplate store;

    EventStream(JdbcTemplate store) {
        this.store = store;
    }

    Optional<Stream> of(UUID aggregateId) {
        List<String> type = store.queryForList("SELECT stream_type FROM eventstore.streams WHERE stream_id = ?",
                String.class, aggregateId);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Stream(type.getFirst(), store.query("""
                SELECT version, name, position, occurred_at, data::text, metadata::text FROM eventstore.events
                WHERE stream_id = ? ORDER BY version""", EventStream::event, aggregateId)));
    }

    private static StoredEvent event(ResultSet row, int number) throws SQLException {
        String name = row.getString("name");
        return new StoredEvent(row.getLong("version"), name, row.getLong("position"),
                row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                EventJson.mapper().readTree(row.getString("data")), EventJson.mapper().readTree(row.getString("metadata")),
                RowChanges.of(name));
    }
}

package io.financing.query.command;

import io.financing.api.saga.SagaStep;
import io.financing.query.projection.ProjectedEvent;
import io.financing.query.projection.ProjectedRows;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code caused_events} read model: for each conversation, the events in it, each written once. */
@Repository
class CausedEvents {

    private final JdbcTemplate jdbc;

    CausedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the events (a redelivered one is there already, and changes nothing). */
    void insertAll(List<ProjectedEvent> events) {
        jdbc.batchUpdate("INSERT INTO caused_events (correlation_id, position, event_id, causation_id, name,"
                        + " aggregate_type, aggregate_id, version, calls_for_step, occurred_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (correlation_id, position) DO NOTHING", events, events.size(),
                (statement, event) -> {
                    statement.setObject(1, event.correlationId());
                    statement.setLong(2, event.position());
                    statement.setObject(3, event.eventId());
                    statement.setObject(4, event.causationId());
                    statement.setString(5, event.name());
                    statement.setString(6, event.aggregateType());
                    statement.setObject(7, event.aggregateId());
                    statement.setLong(8, event.version());
                    statement.setBoolean(9, event.event().flatMap(SagaStep::after).isPresent());
                    statement.setObject(10, event.occurredAt().atOffset(ZoneOffset.UTC));
                });
    }

    /** The events each of the commands caused so far, in the order they were stored, which is causal. */
    Map<UUID, List<CausedEvent>> causedBy(Collection<UUID> commandIds) {
        Map<UUID, List<CausedEvent>> caused = new HashMap<>();
        jdbc.query("SELECT correlation_id, event_id, causation_id, name, aggregate_type, aggregate_id, version,"
                        + " calls_for_step FROM caused_events WHERE correlation_id = ANY (?)"
                        + " ORDER BY correlation_id, position", ProjectedRows.anyOf(commandIds),
                (columns, rowNumber) -> caused.computeIfAbsent(columns.getObject(1, UUID.class), id -> new ArrayList<>())
                        .add(new CausedEvent(columns.getObject(2, UUID.class), columns.getObject(3, UUID.class),
                                columns.getString(4), columns.getString(5), columns.getObject(6, UUID.class),
                                columns.getLong(7), columns.getBoolean(8))));
        return caused;
    }
}

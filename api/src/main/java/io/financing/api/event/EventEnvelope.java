package io.financing.api.event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What the relayer writes around each stored event on {@code financing.events}; its key is
 * {@code aggregateId}, so one aggregate's events stay in order:
 * <pre>
 * { "eventId": "uuid", "name": "(the event's name)", "aggregateType": "Invoice", "aggregateId": "uuid",
 *   "version": 2, "position": 12345, "occurredAt": "2026-11-27T10:00:00.123Z",
 *   "correlationId": "uuid", "causationId": "uuid", "data": { ... } }
 * </pre>
 * {@code data} is the event itself, exactly as the store keeps it; {@code name} says which event it is.
 *
 * @param version       the event's place in its aggregate's stream, from 1
 * @param position      its place among all stored events
 * @param correlationId the message that started the conversation (a command, an integration event)
 * @param causationId   the message that directly caused the event
 */
public record EventEnvelope(UUID eventId, String name, String aggregateType, UUID aggregateId, long version,
                            long position, Instant occurredAt, UUID correlationId, UUID causationId) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(causationId, "causationId");
    }
}

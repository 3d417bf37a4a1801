package io.financing.query.projection;

import io.financing.api.event.FinancingEvent;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A domain event as the projections see it, whether it came from the bus or, in a rebuild, from the store.
 *
 * @param name          its name, known to this version or not
 * @param aggregateType the stream type, which says which projection applies it ("Investor")
 * @param version       its place in its aggregate's stream, from 1
 * @param position      its place among all stored events
 * @param occurredAt    when it was stored
 * @param correlationId the message that started its conversation: for everything a command caused, the command
 * @param causationId   the message that directly caused it
 * @param event         the event, or none if this version does not know its name: it still takes its place
 *                      in the stream's versions, and changes nothing shown
 */
public record ProjectedEvent(UUID eventId, String name, String aggregateType, UUID aggregateId, long version,
                             long position, Instant occurredAt, UUID correlationId, UUID causationId, Optional<FinancingEvent> event) {
}

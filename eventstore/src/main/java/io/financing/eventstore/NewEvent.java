package io.financing.eventstore;

import java.time.Instant;
import java.util.UUID;

/**
 * An event to append, already serialized.
 *
 * @param data JSON text
 */
public record NewEvent(UUID eventId, String name, String data, EventMetadata metadata, Instant occurredAt) {
}

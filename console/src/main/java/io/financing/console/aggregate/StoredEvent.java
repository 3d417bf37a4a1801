package io.financing.console.aggregate;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One event of an aggregate's stream as the event store keeps it, and the read-model fields it changed.
 *
 * @param metadata the store's metadata of it: correlation, causation, trace
 */
record StoredEvent(long version, String name, long position, Instant occurredAt, JsonNode data, JsonNode metadata,
                   List<String> changes) {
}

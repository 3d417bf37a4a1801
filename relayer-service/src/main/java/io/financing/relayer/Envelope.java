package io.financing.relayer;

import io.financing.eventstore.StoredEvent;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * A stored event as published on {@code financing.events}:
 * <pre>
 * { "eventId": "uuid", "name": "InvoiceFinanced", "aggregateType": "Invoice", "aggregateId": "uuid",
 *   "version": 2, "position": 12345, "occurredAt": "2026-11-27T10:00:00.123Z",
 *   "correlationId": "uuid", "causationId": "uuid", "data": { ... } }
 * </pre>
 */
public final class Envelope {

    private Envelope() {
    }

    public static String of(StoredEvent event, JsonMapper json) {
        ObjectNode envelope = json.createObjectNode()
                .put("eventId", event.eventId().toString())
                .put("name", event.name())
                .put("aggregateType", event.streamType())
                .put("aggregateId", event.streamId().toString())
                .put("version", event.version())
                .put("position", event.position())
                .put("occurredAt", event.occurredAt().toString())
                .put("correlationId", event.metadata().correlationId().toString())
                .put("causationId", event.metadata().causationId().toString());
        // The store holds the data as JSON already (jsonb): copied as it is, not parsed and written again.
        envelope.putRawValue("data", new RawValue(event.data()));
        return json.writeValueAsString(envelope);
    }
}

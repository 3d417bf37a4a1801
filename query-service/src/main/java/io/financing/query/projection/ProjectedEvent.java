package io.financing.query.projection;

import io.financing.api.Money;
import io.financing.eventstore.StoredEvent;
import java.math.BigDecimal;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A domain event as the projections see it, whether it came from the bus or, in a rebuild, from the store. */
public record ProjectedEvent(String name, String aggregateType, UUID aggregateId, long version, long position,
                             JsonNode data) {

    /** From the envelope on {@code financing.events}. */
    public static ProjectedEvent fromEnvelope(JsonNode envelope) {
        return new ProjectedEvent(envelope.get("name").asString(), envelope.get("aggregateType").asString(),
                UUID.fromString(envelope.get("aggregateId").asString()), envelope.get("version").asLong(),
                envelope.get("position").asLong(), envelope.get("data"));
    }

    public static ProjectedEvent fromStore(StoredEvent event, JsonMapper json) {
        return new ProjectedEvent(event.name(), event.streamType(), event.streamId(), event.version(),
                event.position(), json.readTree(event.data()));
    }

    /** An amount, exactly as the event has it (two fraction digits, never rounded). */
    public BigDecimal money(String field) {
        return Money.of(text(field)).amount();
    }

    public UUID uuid(String field) {
        return UUID.fromString(text(field));
    }

    public String text(String field) {
        return at(field).asString();
    }

    /** A field by its path, "bid.amount" for a nested one. */
    public JsonNode at(String field) {
        JsonNode node = data;
        for (String name : field.split("\\.")) {
            node = node == null ? null : node.get(name);
        }
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException(name + " of " + aggregateId + " has no " + field);
        }
        return node;
    }
}

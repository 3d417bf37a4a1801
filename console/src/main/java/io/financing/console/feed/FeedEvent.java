package io.financing.console.feed;

import io.financing.api.event.EventEnvelope;
import io.financing.api.json.EventJson;
import tools.jackson.databind.JsonNode;

/**
 * An event as it arrived on {@code financing.events}: its envelope, and its data as published, for the page to show.
 */
public record FeedEvent(EventEnvelope envelope, JsonNode data) {

    /** @throws tools.jackson.core.JacksonException when the message is no event at all */
    static FeedEvent read(String message) {
        JsonNode tree = EventJson.mapper().readTree(message);
        return new FeedEvent(EventJson.mapper().treeToValue(tree, EventEnvelope.class), tree.get("data"));
    }

    /** Whether it passes the page's filter: an aggregate type and an id (or a part of it), each optional. */
    boolean matches(String aggregateType, String aggregateId) {
        return (aggregateType == null || aggregateType.isBlank() || envelope.aggregateType().equalsIgnoreCase(aggregateType))
                && (aggregateId == null || aggregateId.isBlank() || envelope.aggregateId().toString().contains(aggregateId.strip().toLowerCase()));
    }
}

package io.financing.service.messaging;

import java.util.UUID;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading the JSON of messages, where unreadable means malformed, for good. */
final class Messages {

    private Messages() {
    }

    /** An event as received: its id and name, and the whole message for the rest. */
    record ReceivedEvent(UUID eventId, String name, JsonNode message) {

        JsonNode data() {
            return message.get("data");
        }
    }

    static ReceivedEvent event(JsonMapper json, String value) {
        JsonNode message = tree(json, value);
        return new ReceivedEvent(field(message, "eventId", UUID::fromString), field(message, "name", text -> text),
                message);
    }

    /** Reads a field that must be there and parse; a message without it can never be processed. */
    static <T> T field(JsonNode node, String name, Function<String, T> parse) {
        JsonNode value = node == null ? null : node.get(name);
        if (value == null || value.isNull()) {
            throw new MalformedMessageException(name + " is missing");
        }
        try {
            return parse.apply(value.asString());
        } catch (RuntimeException e) {
            throw new MalformedMessageException(name + " is not valid: " + value, e);
        }
    }

    private static JsonNode tree(JsonMapper json, String value) {
        try {
            JsonNode tree = json.readTree(value);
            if (tree == null || !tree.isObject()) {
                throw new MalformedMessageException("Not a JSON object: " + value);
            }
            return tree;
        } catch (JacksonException e) {
            throw new MalformedMessageException("Not JSON: " + e.getOriginalMessage(), e);
        }
    }
}

package io.financing.service.messaging;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading the JSON of a message, where unreadable means malformed, for good. */
final class Messages {

    private Messages() {
    }

    static JsonNode tree(JsonMapper json, String value) {
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

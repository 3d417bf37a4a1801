package io.financing.eventstore;

import java.util.Objects;
import java.util.UUID;

/**
 * Why an event happened.
 *
 * @param correlationId the message that started the whole conversation (a command, an integration event)
 * @param causationId   the message that directly caused this event
 */
public record EventMetadata(UUID correlationId, UUID causationId) {

    public EventMetadata {
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(causationId, "causationId");
    }

    /** For events caused directly by the message that started the conversation. */
    public static EventMetadata causedBy(UUID messageId) {
        return new EventMetadata(messageId, messageId);
    }

    /** For events caused by {@code messageId}, part of the conversation that {@code cause} belongs to. */
    public EventMetadata causedNext(UUID messageId) {
        return new EventMetadata(correlationId, messageId);
    }
}

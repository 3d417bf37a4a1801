package io.financing.eventstore;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Why an event happened, and the trace it belongs to.
 *
 * @param correlationId the message that started the whole conversation (a command, an integration event)
 * @param causationId   the message that directly caused this event
 * @param traceparent   the W3C trace context of the work that stored the event, so that the trace goes on past
 *                      the event store (through the relay to every consumer); null when there was none, and
 *                      anything that is not a well-formed traceparent is dropped, never stored
 */
public record EventMetadata(UUID correlationId, UUID causationId, String traceparent) {

    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    public EventMetadata {
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(causationId, "causationId");
        traceparent = traceparent != null && TRACEPARENT.matcher(traceparent).matches() ? traceparent : null;
    }

    /** Outside any trace. */
    public EventMetadata(UUID correlationId, UUID causationId) {
        this(correlationId, causationId, null);
    }

    /** For events caused directly by the message that started the conversation. */
    public static EventMetadata causedBy(UUID messageId) {
        return new EventMetadata(messageId, messageId);
    }

    /** For events caused by {@code messageId}, part of the conversation that {@code cause} belongs to. */
    public EventMetadata causedNext(UUID messageId) {
        return new EventMetadata(correlationId, messageId, traceparent);
    }

    /** The same, stored as part of the trace {@code traceparent} names. */
    public EventMetadata tracedBy(String traceparent) {
        return new EventMetadata(correlationId, causationId, traceparent);
    }
}

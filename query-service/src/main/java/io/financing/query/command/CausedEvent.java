package io.financing.query.command;

import io.financing.api.saga.Settling;
import java.util.UUID;

/**
 * An event a command caused, directly or through the saga, as its progress lists it.
 *
 * @param causationId  the message that directly caused it: the command, or the event whose saga step it was
 * @param callsForStep whether a saga step is to follow it
 */
public record CausedEvent(UUID eventId, UUID causationId, String name, String aggregateType, UUID aggregateId,
                          long version, boolean callsForStep) {

    Settling.Caused asCaused() {
        return new Settling.Caused(eventId, causationId, callsForStep);
    }
}

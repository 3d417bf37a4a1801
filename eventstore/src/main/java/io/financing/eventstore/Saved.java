package io.financing.eventstore;

import java.util.List;

/**
 * An aggregate after a save, and the events the save wrote, or staged to be written with its batch's (empty if
 * it had no changes).
 */
public record Saved<A>(A aggregate, List<NewEvent> events) {
}

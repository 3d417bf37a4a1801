package io.financing.eventstore;

import java.util.List;

/**
 * An aggregate after a save, and the events the save stored (empty if it had no changes).
 */
public record Saved<A>(A aggregate, List<StoredEvent> events) {
}

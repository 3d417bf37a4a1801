package io.financing.eventstore;

import java.util.UUID;

/**
 * A stream's state at a version, so that loading need not replay every event.
 *
 * @param type names the snapshot's format; a reader that does not know it replays the events instead
 * @param data JSON text
 */
public record Snapshot(UUID streamId, long version, String type, String data) {
}

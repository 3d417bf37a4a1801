package io.financing.eventstore;

import java.util.UUID;

/** Another writer appended to the stream since the expected version was read: reload and try again. */
public final class ConcurrencyConflictException extends EventStoreException {

    private final UUID streamId;
    private final long expectedVersion;
    private final long actualVersion;

    public ConcurrencyConflictException(UUID streamId, long expectedVersion, long actualVersion) {
        super("Stream " + streamId + " is at version " + actualVersion + ", not " + expectedVersion);
        this.streamId = streamId;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    public UUID streamId() {
        return streamId;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long actualVersion() {
        return actualVersion;
    }
}

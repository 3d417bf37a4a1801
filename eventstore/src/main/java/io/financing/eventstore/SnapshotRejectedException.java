package io.financing.eventstore;

/** A snapshot of a stream that does not exist, or of a version the stream has not reached. */
public final class SnapshotRejectedException extends EventStoreException {

    public SnapshotRejectedException(String message) {
        super(message);
    }
}

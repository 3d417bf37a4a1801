package io.financing.eventstore;

/** What the event store refuses to do, one subclass per reason. */
public abstract sealed class EventStoreException extends RuntimeException
        permits StreamAlreadyExistsException, StreamNotFoundException, ConcurrencyConflictException,
        StaleTransactionException, SnapshotRejectedException {

    EventStoreException(String message) {
        super(message);
    }
}

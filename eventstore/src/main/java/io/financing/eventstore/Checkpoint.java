package io.financing.eventstore;

/**
 * How far a reader of all events has come: the last event it took, by writing transaction and
 * position. {@link #START} is before every event.
 */
public record Checkpoint(long transactionId, long position) {

    public static final Checkpoint START = new Checkpoint(0, 0);

    public static Checkpoint after(StoredEvent event) {
        return new Checkpoint(event.transactionId(), event.position());
    }
}

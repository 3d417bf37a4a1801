package io.financing.eventstore;

import java.util.UUID;

/**
 * The stream's last events were written by a transaction that began writing after the current one:
 * appending now would put this transaction's events before theirs in the order of all events
 * (transaction, position), against the stream's own order. Nothing was written. The stream's version
 * was as expected, so the same change succeeds in a new transaction: roll back and run it again.
 */
public final class StaleTransactionException extends EventStoreException {

    public StaleTransactionException(UUID streamId) {
        super("Stream " + streamId + " was last written by a younger transaction: retry in a new transaction");
    }
}

package io.financing.eventstore;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** What to do once writes are committed, whether or not a Spring-managed transaction holds them. */
final class AfterCommit {

    private AfterCommit() {
    }

    /**
     * Runs {@code action} once the current Spring-managed transaction commits, and never if it rolls
     * back. Without one, what was written is committed already: runs it at once.
     */
    static void run(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}

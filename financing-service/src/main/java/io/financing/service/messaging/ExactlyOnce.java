package io.financing.service.messaging;

import io.financing.eventstore.ProcessedMessages;
import io.financing.eventstore.StaleTransactionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exactly-once effects over Kafka's at-least-once delivery: a message's effects and the record that
 * it was processed commit together, so a redelivered message finds the record and does nothing.
 */
@Component
public class ExactlyOnce {

    private static final int MAX_ATTEMPTS = 10;

    private final TransactionTemplate transaction;
    private final ProcessedMessages processed;

    ExactlyOnce(TransactionTemplate transaction, ProcessedMessages processed) {
        this.transaction = transaction;
        this.processed = processed;
    }

    /**
     * Runs {@code effects} unless {@code consumer} has processed {@code messageId} before. A transaction
     * that the event store finds older than a stream's last writer is run again at once: a new one is
     * younger than every writer it can see.
     */
    public void process(String consumer, String messageId, Runnable effects) {
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.executeWithoutResult(status -> {
                    if (processed.markProcessed(consumer, messageId)) {
                        effects.run();
                    }
                });
                return;
            } catch (StaleTransactionException stale) {
                if (attempt == MAX_ATTEMPTS) {
                    throw stale;
                }
            }
        }
    }
}

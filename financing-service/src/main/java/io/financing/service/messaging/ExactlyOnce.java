package io.financing.service.messaging;

import io.financing.eventstore.ProcessedMessages;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exactly-once effects over Kafka's at-least-once delivery: a message's effects and the record that
 * it was processed commit together, so a redelivered message finds the record and does nothing.
 */
@Component
public class ExactlyOnce {

    private final TransactionTemplate transaction;
    private final ProcessedMessages processed;

    ExactlyOnce(TransactionTemplate transaction, ProcessedMessages processed) {
        this.transaction = transaction;
        this.processed = processed;
    }

    /** Runs {@code effects} unless {@code consumer} has processed {@code messageId} before. */
    public void process(String consumer, String messageId, Runnable effects) {
        transaction.executeWithoutResult(status -> {
            if (processed.markProcessed(consumer, messageId)) {
                effects.run();
            }
        });
    }
}

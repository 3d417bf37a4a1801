package io.financing.service.messaging;

import io.financing.eventstore.EventMetadata;
import io.financing.eventstore.ProcessedMessages;
import io.financing.eventstore.StaleTransactionException;
import io.financing.observability.Traces;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exactly-once effects over Kafka's at-least-once delivery: a message's effects and the record that
 * it was processed commit together, so a redelivered message finds the record and does nothing.
 *
 * <p>Each handling is also a step of the message's trace (a span named after the consumer and the message),
 * and the events it stores carry that span's context, so that the trace goes on past the event store. Its
 * logs name the message and the conversation it belongs to.
 */
@Component
public class ExactlyOnce {

    private static final int MAX_ATTEMPTS = 10;

    private final TransactionTemplate transaction;
    private final ProcessedMessages processed;
    private final Traces traces;
    private final ObservationRegistry observations;
    private final Counter staleTransactions;

    ExactlyOnce(TransactionTemplate transaction, ProcessedMessages processed, Traces traces,
                ObservationRegistry observations, MeterRegistry meters) {
        this.transaction = transaction;
        this.processed = processed;
        this.traces = traces;
        this.observations = observations;
        this.staleTransactions = meters.counter("financing.eventstore.conflicts", "kind", "stale_transaction");
    }

    /**
     * A message as one consumer handles it.
     *
     * @param consumer      who handles it; each consumer processes a message once
     * @param name          what it is: a command's or an event's name
     * @param id            the message's id, which a redelivery repeats
     * @param correlationId the conversation it belongs to
     */
    public record Message(String consumer, String name, UUID id, UUID correlationId) {
    }

    /**
     * Runs {@code effects}, with the metadata of the events they store, unless the consumer has processed
     * the message before. A transaction that the event store finds older than a stream's last writer is
     * run again at once: a new one is younger than every writer it can see.
     */
    public void process(Message message, Consumer<EventMetadata> effects) {
        try (var commandOrEvent = MDC.putCloseable("messageId", message.id().toString());
             var conversation = MDC.putCloseable("correlationId", message.correlationId().toString())) {
            Observation.createNotStarted("financing.handling", observations)
                    .contextualName(message.consumer() + " " + message.name())
                    .lowCardinalityKeyValue("consumer", message.consumer())
                    .lowCardinalityKeyValue("message", message.name())
                    .observe(() -> processInTransaction(message, effects));
        }
    }

    private void processInTransaction(Message message, Consumer<EventMetadata> effects) {
        var metadata = new EventMetadata(message.correlationId(), message.id(),
                traces.currentTraceparent().orElse(null));
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.executeWithoutResult(status -> {
                    if (processed.markProcessed(message.consumer(), message.id().toString())) {
                        effects.accept(metadata);
                    }
                });
                return;
            } catch (StaleTransactionException stale) {
                staleTransactions.increment();
                if (attempt == MAX_ATTEMPTS) {
                    throw stale;
                }
            }
        }
    }
}

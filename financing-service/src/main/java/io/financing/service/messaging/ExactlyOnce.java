package io.financing.service.messaging;

import io.financing.api.json.UnreadableMessageException;
import io.financing.eventstore.ConcurrencyConflictException;
import io.financing.eventstore.EventMetadata;
import io.financing.eventstore.EventStore;
import io.financing.eventstore.Outages;
import io.financing.eventstore.ProcessedMessages;
import io.financing.eventstore.StaleTransactionException;
import io.financing.eventstore.StagedWrites;
import io.financing.eventstore.StreamAlreadyExistsException;
import io.financing.observability.Traces;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exactly-once effects over Kafka's at-least-once delivery, for a whole poll at a time: the messages' effects
 * and the record that they were processed commit together, so a redelivered message finds the record and does
 * nothing.
 *
 * <p>A poll's messages share one transaction: it holds the aggregates they change, then decides their effects one
 * after the other, in the order delivered, with their writes staged ({@link StagedWrites}), then records them
 * processed and writes every stream it changed, in one statement each, and commits once. That is the cost of a message divided by the
 * size of the batch, which grows with the load.
 *
 * <p>Each handling is also a step of its message's trace (a span named after the consumer and the message), and
 * the events it stores carry that span's context, so that the trace goes on past the event store. Its logs name
 * the message and the conversation it belongs to.
 *
 * <p>While the database is away (a restart, a cut connection: {@link Outages}), a batch waits for it here, trying
 * again every retry interval, and is never handed to the error handler: that one counts a batch's failures against
 * its first record whatever they are, so a batch whose first failure was not recognised as an outage (a rollback
 * failing on a dead connection) would be dead-lettered after a few tries, although nothing was wrong with it.
 */
@Component
public class ExactlyOnce {

    private static final Logger log = LoggerFactory.getLogger(ExactlyOnce.class);
    private static final int MAX_ATTEMPTS = 20;

    private final TransactionTemplate transaction;
    private final ProcessedMessages processed;
    private final EventStore store;
    private final Traces traces;
    private final MeterRegistry meters;
    private final Counter staleTransactions;
    private final Counter versionConflicts;
    private final Counter outageRetries;
    private final Duration retryInterval;

    ExactlyOnce(TransactionTemplate transaction, ProcessedMessages processed, EventStore store, Traces traces,
                MeterRegistry meters, @Value("${financing.consumers.retry-interval}") long retryIntervalMs) {
        this.transaction = transaction;
        this.processed = processed;
        this.store = store;
        this.traces = traces;
        this.meters = meters;
        this.staleTransactions = meters.counter("financing.eventstore.conflicts", "kind", "stale_transaction");
        this.versionConflicts = meters.counter("financing.eventstore.conflicts", "kind", "version");
        this.outageRetries = meters.counter("financing.handling.outage.retries");
        this.retryInterval = Duration.ofMillis(retryIntervalMs);
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
     * A message, and what handling it does, given the metadata of the events it stores.
     *
     * @param changes the aggregate its effects change, held from the start of its batch: no other writer can
     *                move it meanwhile, so the batch loses no race for it
     */
    public record Delivery(Message message, UUID changes, Consumer<EventMetadata> effects) {
    }

    /** A delivery, where it is in its poll, and the trace it came with (null without one). */
    private record Polled(int record, Delivery delivery, String traceparent) {
    }

    /**
     * Handles what one poll brought, all of the same consumer, in one transaction. {@code reader} makes each
     * record a delivery, or none when the message asks nothing of this consumer; messages processed before are
     * skipped. A batch that finds a stream moved by another writer since it read it (or written by a younger
     * transaction) rolls back and runs again at once: at READ COMMITTED a new try reads what the other committed.
     *
     * @throws BatchListenerFailedException naming the first record that failed, once the ones before it have
     *                                      committed: one that cannot be read, or whose effects failed for another
     *                                      reason than a rule (which its effects make an outcome). The error
     *                                      handler retries it, and dead-letters it if it keeps failing.
     */
    public void processAll(List<ConsumerRecord<String, String>> records,
                           Function<ConsumerRecord<String, String>, Optional<Delivery>> reader) {
        List<Polled> deliveries = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, String> record = records.get(i);
            try {
                int index = i;
                reader.apply(record).ifPresent(delivery -> deliveries.add(
                        new Polled(index, delivery, Traces.traceparentOf(record.headers()).orElse(null))));
            } catch (UnreadableMessageException unreadable) {
                process(deliveries);
                throw new BatchListenerFailedException(unreadable.getMessage(), unreadable, i);
            }
        }
        process(deliveries);
    }

    private void process(List<Polled> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        List<Span> spans = deliveries.stream().map(polled -> traces.startChildOf(polled.traceparent(),
                polled.delivery().message().consumer() + " " + polled.delivery().message().name())).toList();
        Timer.Sample started = Timer.start(meters);
        String error = "none";
        try {
            commit(deliveries, spans);
        } catch (RuntimeException e) {
            error = e.getClass().getSimpleName();
            spans.forEach(span -> span.error(e));
            throw e;
        } finally {
            for (int i = 0; i < deliveries.size(); i++) {
                Message message = deliveries.get(i).delivery().message();
                started.stop(meters.timer("financing.handling", "consumer", message.consumer(), "message", message.name(),
                        "error", error));
                spans.get(i).tag("messages.in.transaction", deliveries.size()).end();
            }
        }
    }

    private void commit(List<Polled> deliveries, List<Span> spans) {
        int outageTries = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.executeWithoutResult(status -> handle(deliveries, spans));
                if (outageTries > 0) {
                    log.info("The database is back: {} messages processed after {} tries", deliveries.size(), outageTries);
                }
                return;
            } catch (StaleTransactionException stale) {
                staleTransactions.increment();
                giveUpAfter(attempt, stale, deliveries);
            } catch (ConcurrencyConflictException | StreamAlreadyExistsException | PessimisticLockingFailureException
                     | ConcurrentDuplicateException lost) {
                // Another writer got there first (or, for a deadlock, PostgreSQL chose this batch to give way).
                versionConflicts.increment();
                giveUpAfter(attempt, lost, deliveries);
            } catch (RuntimeException failed) {
                if (!Outages.causedBy(failed)) {
                    throw failedAlone(failed, deliveries, spans);
                }
                awaitTheDatabase(failed, deliveries, ++outageTries);
                attempt--; // waiting out an outage is not losing a race
            }
        }
    }

    /**
     * What the error handler gets for a failure that is not an outage: a delivery that failed alone fails after the
     * ones before it commit; anything else (the batch's own write) fails from the batch's first record.
     */
    private RuntimeException failedAlone(RuntimeException failed, List<Polled> deliveries, List<Span> spans) {
        log.warn("{} messages failed, for the error handler to retry: {}", deliveries.size(), failed.toString(), failed);
        if (!(failed instanceof DeliveryFailedException alone)) {
            return new BatchListenerFailedException(failed.getMessage(), failed, deliveries.get(0).record());
        }
        if (alone.index > 0) {
            commit(deliveries.subList(0, alone.index), spans.subList(0, alone.index));
        }
        return new BatchListenerFailedException(alone.getMessage(), alone.getCause(), deliveries.get(alone.index).record());
    }

    private void awaitTheDatabase(RuntimeException outage, List<Polled> deliveries, int tries) {
        if (tries == 1) {
            log.warn("The database is away: {} messages wait for it, tried again every {} ms: {}", deliveries.size(),
                    retryInterval.toMillis(), outage.toString());
        }
        outageRetries.increment();
        try {
            Thread.sleep(retryInterval);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            throw new BatchListenerFailedException("Stopped while the database was away", outage,
                    deliveries.get(0).record());
        }
    }

    private static void giveUpAfter(int attempt, RuntimeException conflict, List<Polled> deliveries) {
        if (attempt == MAX_ATTEMPTS) {
            throw new BatchListenerFailedException("Lost the same race " + MAX_ATTEMPTS + " times", conflict,
                    deliveries.get(0).record());
        }
    }

    private void handle(List<Polled> deliveries, List<Span> spans) {
        String consumer = deliveries.get(0).delivery().message().consumer();
        Set<String> done = new HashSet<>(processed.processedAmong(consumer, ids(deliveries)));
        List<Polled> handled = new ArrayList<>(deliveries.size());
        List<UUID> changing = deliveries.stream().map(polled -> polled.delivery().changes()).toList();
        StagedWrites.around(store, changing, () -> {
            for (int i = 0; i < deliveries.size(); i++) {
                Polled polled = deliveries.get(i);
                if (done.add(polled.delivery().message().id().toString())) { // twice in one poll runs once, too
                    run(polled.delivery(), spans.get(i), i);
                    handled.add(polled);
                }
            }
            return handled;
        });
        if (!handled.isEmpty() && processed.markProcessed(consumer, ids(handled)) < handled.size()) {
            throw new ConcurrentDuplicateException();
        }
    }

    private void run(Delivery delivery, Span span, int index) {
        Message message = delivery.message();
        var metadata = new EventMetadata(message.correlationId(), message.id(), traces.traceparentOf(span).orElse(null));
        try (var commandOrEvent = MDC.putCloseable("messageId", message.id().toString());
             var conversation = MDC.putCloseable("correlationId", message.correlationId().toString())) {
            delivery.effects().accept(metadata);
        } catch (RuntimeException e) {
            throw new DeliveryFailedException(index, message, e);
        }
    }

    private static List<String> ids(List<Polled> deliveries) {
        return deliveries.stream().map(polled -> polled.delivery().message().id().toString()).toList();
    }

    /** Another transaction (a consumer the partition moved from, say) processed one of the batch's messages meanwhile. */
    private static final class ConcurrentDuplicateException extends RuntimeException {
        ConcurrentDuplicateException() {
            super("A message of the batch was processed by another transaction meanwhile", null, false, false);
        }
    }

    /** The delivery at {@code index} failed on its own: the batch goes on without it. */
    private static final class DeliveryFailedException extends RuntimeException {
        final int index;

        DeliveryFailedException(int index, Message message, RuntimeException cause) {
            super(message.consumer() + " failed on " + message.name() + " " + message.id() + ": " + cause.getMessage(),
                    cause);
            this.index = index;
        }
    }
}

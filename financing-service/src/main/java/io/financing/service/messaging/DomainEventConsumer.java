package io.financing.service.messaging;

import io.financing.api.event.EventEnvelope;
import io.financing.api.json.EventJson;
import io.financing.api.saga.SagaStep;
import io.financing.service.saga.FinancingSaga;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The saga's ears: domain events from {@code financing.events}, in the envelope the relayer writes.
 * Each event the saga reacts to is handled once, as part of the conversation it belongs to.
 */
@Component
class DomainEventConsumer {

    private final FinancingSaga saga;
    private final ExactlyOnce exactlyOnce;

    DomainEventConsumer(FinancingSaga saga, ExactlyOnce exactlyOnce) {
        this.saga = saga;
        this.exactlyOnce = exactlyOnce;
    }

    /** Handles what one poll brought, in one transaction ({@link ExactlyOnce}); most events ask nothing of it. */
    @KafkaListener(topics = "${financing.topics.events}", groupId = "financing-service-saga",
            concurrency = "${financing.consumers.concurrency}", batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        exactlyOnce.processAll(records, record -> {
            if (!SagaStep.AFTER.contains(EventJson.nameOf(record.value()))) {
                return Optional.empty();
            }
            EventJson.Published published = EventJson.readPublished(record.value());
            EventEnvelope envelope = published.envelope();
            return published.event().flatMap(saga::stepFor).map(step -> new ExactlyOnce.Delivery(
                    new ExactlyOnce.Message("saga", envelope.name(), envelope.eventId(), envelope.correlationId()),
                    step.aggregateId(), step::run));
        });
    }
}

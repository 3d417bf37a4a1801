package io.financing.service.messaging;

import io.financing.eventstore.EventMetadata;
import java.util.UUID;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The saga's ears: domain events from {@code financing.events}, in the envelope the relayer writes.
 * Each event the saga reacts to is handled once, as part of the conversation it belongs to.
 */
@Component
class DomainEventConsumer {

    private final SagaDispatcher saga;
    private final ExactlyOnce exactlyOnce;
    private final JsonMapper json;

    DomainEventConsumer(SagaDispatcher saga, ExactlyOnce exactlyOnce, JsonMapper json) {
        this.saga = saga;
        this.exactlyOnce = exactlyOnce;
        this.json = json;
    }

    @KafkaListener(topics = "${financing.topics.events}", groupId = "financing-service-saga",
            concurrency = "${financing.consumers.concurrency}")
    void on(String value) {
        Messages.ReceivedEvent event = Messages.event(json, value);
        if (!saga.reactsTo(event.name())) {
            return;
        }
        UUID correlationId = Messages.field(event.message(), "correlationId", UUID::fromString);
        saga.stepFor(event.name(), json.writeValueAsString(event.data())).ifPresent(step ->
                exactlyOnce.process("saga", event.eventId().toString(),
                        () -> step.run(new EventMetadata(correlationId, event.eventId()))));
    }
}

package io.financing.service.messaging;

import io.financing.eventstore.EventMetadata;
import java.util.UUID;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
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
        JsonNode envelope = Messages.tree(json, value);
        String name = RegisteringDispatcher.field(envelope, "name", text -> text);
        if (!saga.reactsTo(name)) {
            return;
        }
        UUID eventId = RegisteringDispatcher.field(envelope, "eventId", UUID::fromString);
        UUID correlationId = RegisteringDispatcher.field(envelope, "correlationId", UUID::fromString);
        String data = json.writeValueAsString(envelope.get("data"));
        exactlyOnce.process("saga", eventId.toString(),
                () -> saga.dispatch(name, data, new EventMetadata(correlationId, eventId)));
    }
}

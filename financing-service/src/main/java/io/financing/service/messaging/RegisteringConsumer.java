package io.financing.service.messaging;

import io.financing.eventstore.EventMetadata;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Integration events of the Registering context, from {@code registering.events}, each handled once. */
@Component
class RegisteringConsumer {

    private final RegisteringDispatcher registering;
    private final ExactlyOnce exactlyOnce;
    private final JsonMapper json;

    RegisteringConsumer(RegisteringDispatcher registering, ExactlyOnce exactlyOnce, JsonMapper json) {
        this.registering = registering;
        this.exactlyOnce = exactlyOnce;
        this.json = json;
    }

    @KafkaListener(topics = "${financing.topics.registering}", groupId = "financing-service-registering",
            concurrency = "${financing.consumers.concurrency}")
    void on(String value) {
        Messages.ReceivedEvent event = Messages.event(json, value);
        exactlyOnce.process("registering", event.eventId().toString(),
                () -> registering.dispatch(event.name(), event.data(), EventMetadata.causedBy(event.eventId())));
    }
}

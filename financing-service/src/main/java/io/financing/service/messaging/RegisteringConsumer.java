package io.financing.service.messaging;

import io.financing.api.json.EventJson;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Integration events of the Registering context, from {@code registering.events}, each handled once.
 * Names this context does not know are not for it, and are passed over.
 */
@Component
class RegisteringConsumer {

    private final RegisteringDispatcher registering;
    private final ExactlyOnce exactlyOnce;

    RegisteringConsumer(RegisteringDispatcher registering, ExactlyOnce exactlyOnce) {
        this.registering = registering;
        this.exactlyOnce = exactlyOnce;
    }

    @KafkaListener(topics = "${financing.topics.registering}", groupId = "financing-service-registering",
            concurrency = "${financing.consumers.concurrency}")
    void on(String value) {
        EventJson.Registration registration = EventJson.readRegistration(value);
        registration.event().ifPresent(event -> exactlyOnce.process(new ExactlyOnce.Message("registering",
                        registration.name(), registration.eventId(), registration.eventId()),
                metadata -> registering.dispatch(event, metadata)));
    }
}

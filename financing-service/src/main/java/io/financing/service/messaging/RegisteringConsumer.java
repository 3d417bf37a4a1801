package io.financing.service.messaging;

import io.financing.api.json.EventJson;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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

    /** Handles what one poll brought, in one transaction ({@link ExactlyOnce}). */
    @KafkaListener(topics = "${financing.topics.registering}", groupId = "financing-service-registering",
            concurrency = "${financing.consumers.concurrency}", batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        exactlyOnce.processAll(records, record -> {
            EventJson.Registration registration = EventJson.readRegistration(record.value());
            return registration.event().map(event -> new ExactlyOnce.Delivery(new ExactlyOnce.Message("registering",
                    registration.name(), registration.eventId(), registration.eventId()),
                    event.partyId(), metadata -> registering.dispatch(event, metadata)));
        });
    }
}

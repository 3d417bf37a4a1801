package io.financing.populate;

import io.financing.api.Money;
import io.financing.api.event.RegisteringEvent;
import io.financing.api.event.RegisteringEvent.InvestorRegistered;
import io.financing.api.event.RegisteringEvent.IssuerRegistered;
import io.financing.api.json.EventJson;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes the Registering context's integration events ({@link RegisteringEvent}), as that context would,
 * to {@code registering.events}, keyed by the party.
 */
public final class RegisteringPublisher implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String topic;

    public RegisteringPublisher(String bootstrapServers, String topic) {
        this.producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers, "acks", "all",
                "enable.idempotence", true, "max.block.ms", 10_000), new StringSerializer(), new StringSerializer());
        this.topic = topic;
    }

    /** Publishes every registration and returns once Kafka has acknowledged them all. */
    public void publish(List<Registration> registrations) throws Exception {
        List<Future<?>> sent = registrations.stream()
                .<Future<?>>map(registration -> producer.send(new ProducerRecord<>(topic,
                        registration.id().toString(), message(registration))))
                .toList();
        for (Future<?> acknowledgement : sent) {
            acknowledgement.get();
        }
    }

    String message(Registration registration) {
        RegisteringEvent event = switch (registration) {
            case Registration.Issuer issuer -> new IssuerRegistered(issuer.id(), issuer.name());
            case Registration.Investor investor ->
                    new InvestorRegistered(investor.id(), investor.name(), new Money(investor.balance()));
        };
        return EventJson.write(registration.eventId(), event);
    }

    @Override
    public void close() {
        producer.close();
    }
}

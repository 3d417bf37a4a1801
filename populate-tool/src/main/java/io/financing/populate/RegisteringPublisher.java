package io.financing.populate;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publishes the Registering context's integration events, as that context would, to
 * {@code registering.events}:
 * <pre>
 * { "eventId": "uuid", "name": "IssuerRegistered",   "data": { "issuerId": "uuid", "name": "ACME" } }
 * { "eventId": "uuid", "name": "InvestorRegistered", "data": { "investorId": "uuid", "name": "Ann", "balance": "100.00" } }
 * </pre>
 */
public final class RegisteringPublisher implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final JsonMapper json = JsonMapper.builder().build();

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
        ObjectNode data = json.createObjectNode();
        String name;
        if (registration instanceof Registration.Issuer issuer) {
            name = "IssuerRegistered";
            data.put("issuerId", issuer.id().toString()).put("name", issuer.name());
        } else {
            var investor = (Registration.Investor) registration;
            name = "InvestorRegistered";
            data.put("investorId", investor.id().toString()).put("name", investor.name())
                    .put("balance", investor.balance().setScale(2).toPlainString());
        }
        ObjectNode event = json.createObjectNode().put("eventId", registration.eventId().toString()).put("name", name);
        event.set("data", data);
        return json.writeValueAsString(event);
    }

    @Override
    public void close() {
        producer.close();
    }
}

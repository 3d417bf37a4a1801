package io.financing.service.messaging;

import io.financing.eventstore.Checkpoint;
import io.financing.eventstore.OrderedEventReader;
import io.financing.eventstore.StoredEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stands in for the relayer in these tests: publishes each stored event to {@code financing.events} in
 * the envelope of the design, so that the saga runs as it does in the whole system.
 */
final class TestRelay implements AutoCloseable {

    private final OrderedEventReader reader;
    private final KafkaProducer<String, String> producer;
    private final JsonMapper json = JsonMapper.builder().build();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
    private Checkpoint checkpoint = Checkpoint.START;

    TestRelay(DataSource dataSource, String bootstrapServers) {
        reader = new OrderedEventReader(dataSource);
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers, "acks", "all"),
                new StringSerializer(), new StringSerializer());
        poller.scheduleWithFixedDelay(this::relay, 0, 20, TimeUnit.MILLISECONDS);
    }

    private void relay() {
        List<StoredEvent> batch = reader.readAfter(checkpoint, 500);
        for (StoredEvent event : batch) {
            publish(event);
        }
        producer.flush();
        if (!batch.isEmpty()) {
            checkpoint = Checkpoint.after(batch.get(batch.size() - 1));
        }
    }

    void publish(StoredEvent event) {
        producer.send(new ProducerRecord<>("financing.events", event.streamId().toString(), envelope(event)));
        producer.flush();
    }

    private String envelope(StoredEvent event) {
        ObjectNode envelope = json.createObjectNode()
                .put("eventId", event.eventId().toString())
                .put("name", event.name())
                .put("aggregateType", event.streamType())
                .put("aggregateId", event.streamId().toString())
                .put("version", event.version())
                .put("position", event.position())
                .put("occurredAt", event.occurredAt().toString())
                .put("correlationId", event.metadata().correlationId().toString())
                .put("causationId", event.metadata().causationId().toString());
        envelope.set("data", json.readTree(event.data()));
        return json.writeValueAsString(envelope);
    }

    @Override
    public void close() {
        poller.shutdownNow();
        producer.close();
    }
}

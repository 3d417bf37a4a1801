package io.financing.query;

import io.financing.eventstore.EventMetadata;
import io.financing.eventstore.EventStoreSchema;
import io.financing.eventstore.NewEvent;
import io.financing.eventstore.PostgresEventStore;
import io.financing.eventstore.StoredEvent;
import io.financing.localstack.PostgresServer;
import io.financing.localstack.SharedInfrastructure;
import io.financing.relayer.Envelope;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The query service's tests drive it as the whole system does: each event is stored in an event store of their
 * own and published on the real {@code financing.events} in the relay's envelope. One read-model database and one
 * event store for every test of the service, as its instances would share them.
 */
final class EventsOnTheBus {

    private static final String READ_MODEL = "readmodel_" + UUID.randomUUID().toString().replace("-", "");
    private static final String EVENT_STORE = "eventstore_" + UUID.randomUUID().toString().replace("-", "");
    private static final DataSource eventStore;
    private static final PostgresEventStore store;
    private static final KafkaProducer<String, String> producer;

    static {
        PostgresServer postgres = SharedInfrastructure.get().postgres();
        postgres.createDatabaseIfMissing(READ_MODEL);
        postgres.createDatabaseIfMissing(EVENT_STORE);
        eventStore = new DriverManagerDataSource(postgres.jdbcUrl(EVENT_STORE), PostgresServer.USER, "");
        EventStoreSchema.migrate(eventStore);
        store = new PostgresEventStore(eventStore);
        producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                SharedInfrastructure.get().kafka().bootstrapServers(), "acks", "all"),
                new StringSerializer(), new StringSerializer());
    }

    private EventsOnTheBus() {
    }

    static void infrastructure(DynamicPropertyRegistry registry) {
        PostgresServer postgres = SharedInfrastructure.get().postgres();
        registry.add("spring.datasource.url", () -> postgres.jdbcUrl(READ_MODEL));
        registry.add("financing.query.event-store-url", () -> postgres.jdbcUrl(EVENT_STORE));
        registry.add("spring.kafka.bootstrap-servers", () -> SharedInfrastructure.get().kafka().bootstrapServers());
        registry.add("financing.access.jwks-uri", () -> SharedInfrastructure.get().jwksUri());
    }

    static DataSource eventStore() {
        return eventStore;
    }

    static PostgresEventStore store() {
        return store;
    }

    static KafkaProducer<String, String> producer() {
        return producer;
    }

    /** Stores the event in the aggregate's stream, then publishes it as the relay would. */
    static List<StoredEvent> append(String type, UUID aggregate, String name, String data, EventMetadata metadata) {
        List<StoredEvent> stored = store(type, aggregate, name, data, metadata);
        stored.forEach(EventsOnTheBus::publish);
        return stored;
    }

    /** Stores the event in the aggregate's stream, not published yet. */
    static List<StoredEvent> store(String type, UUID aggregate, String name, String data, EventMetadata metadata) {
        var event = new NewEvent(UUID.randomUUID(), name, data, metadata, Instant.now());
        long version = store.read(aggregate, 1).size();
        return version == 0
                ? store.create(aggregate, type, List.of(event))
                : store.append(aggregate, version, List.of(event));
    }

    static void publish(StoredEvent event) {
        try {
            producer.send(new ProducerRecord<>("financing.events", event.streamId().toString(),
                    Envelope.of(event))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

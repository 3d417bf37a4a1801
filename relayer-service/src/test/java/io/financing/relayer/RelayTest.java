package io.financing.relayer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.financing.eventstore.ConcurrencyConflictException;
import io.financing.eventstore.EventMetadata;
import io.financing.eventstore.EventStoreSchema;
import io.financing.eventstore.EventsStoredNotifier;
import io.financing.eventstore.NewEvent;
import io.financing.eventstore.PostgresEventStore;
import io.financing.localstack.PostgresServer;
import io.financing.localstack.SharedInfrastructure;
import io.financing.localstack.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The relay against the real PostgreSQL and Kafka, each test with its own database and topic. */
class RelayTest {

    private static final int STREAMS = 50;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HikariDataSource dataSource;
    private PostgresEventStore store;
    private KafkaTemplate<String, String> kafka;
    private RelayerProperties properties;
    private final List<Thread> relays = new ArrayList<>();

    @BeforeEach
    void infrastructure() throws Exception {
        PostgresServer postgres = SharedInfrastructure.get().postgres();
        String name = "relay_" + UUID.randomUUID().toString().replace("-", "");
        postgres.createDatabaseIfMissing(name);
        var config = new HikariConfig();
        config.setJdbcUrl(postgres.jdbcUrl(name));
        config.setUsername(PostgresServer.USER);
        config.setMaximumPoolSize(20);
        dataSource = new HikariDataSource(config);
        EventStoreSchema.migrate(dataSource);
        store = new PostgresEventStore(dataSource);
        String topic = "relay-test-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
        }
        kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of("bootstrap.servers", bootstrap(),
                "acks", "all", "enable.idempotence", true), new StringSerializer(), new StringSerializer()));
        properties = new RelayerProperties(topic, Duration.ofMillis(100), 100, "relayer", Duration.ofMillis(1),
                Duration.ofSeconds(5));
    }

    @AfterEach
    void close() throws InterruptedException {
        for (Thread relay : relays) {
            relay.interrupt();
        }
        kafka.destroy();
        dataSource.close();
    }

    @Test
    void everyEventArrivesInEachStreamsOrderWhileWritersAreBusy() throws Exception {
        Relay relay = start();

        Set<UUID> written = writeConcurrently(3_000);

        Map<UUID, JsonNode> received = receiveAll(written);
        assertThat(received.keySet()).containsAll(written);
        assertThat(received.values()).extracting(envelope -> envelope.get("data"))
                .containsOnly(JSON.readTree("{\"n\": 1}"));
        relay.stop();
    }

    @Test
    void afterACrashNothingIsLostAndOnlyTheBatchInFlightComesAgain() throws Exception {
        Relay first = start();
        Future<Set<UUID>> writing = Executors.newSingleThreadExecutor().submit(() -> writeConcurrently(2_000));
        await().atMost(Duration.ofSeconds(30)).until(() -> all().size() > 200);

        first.crash();
        Relay second = start();
        Set<UUID> written = writing.get();

        Map<UUID, JsonNode> received = receiveAll(written);
        assertThat(received.keySet()).containsAll(written);
        int duplicates = all().size() - received.size();
        assertThat(duplicates).as("events published twice").isLessThanOrEqualTo(properties.batchSize());
        second.stop();
    }

    @Test
    void ofTwoRelaysOneLeadsAndTheOtherTakesOverWhenItDies() throws Exception {
        Relay one = start();
        Relay two = start();
        await().atMost(Duration.ofSeconds(10)).until(() -> one.isLeading() || two.isLeading());
        Relay leader = one.isLeading() ? one : two;
        Relay standby = leader == one ? two : one;
        Set<UUID> before = writeConcurrently(500);
        receiveAll(before);
        assertThat(standby.isLeading()).isFalse();
        assertThat(all().size()).as("published, none twice").isEqualTo(before.size());

        leader.crash();
        await().atMost(Duration.ofSeconds(10)).until(standby::isLeading);
        Set<UUID> after = writeConcurrently(500);

        assertThat(receiveAll(after).keySet()).containsAll(after);
        standby.stop();
    }

    @Test
    void eventsHeldBackByAnOlderTransactionGoOutWhenItEndsWithoutWaitingForAPoll() throws Exception {
        properties = new RelayerProperties(properties.topic(), Duration.ofHours(1), 100, "relayer", Duration.ofMillis(1),
                Duration.ofSeconds(5));
        try (var notifier = new EventsStoredNotifier(dataSource, Duration.ofMillis(1))) {
            store = new PostgresEventStore(dataSource, notifier);
            Relay relay = start();
            // Until one event arrives, the relay may not be listening yet: with an hour's poll, write until it is.
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                store.create(UUID.randomUUID(), "Thing", List.of(event()));
                return !all().isEmpty();
            });

            NewEvent heldBack = event();
            try (Connection older = dataSource.getConnection()) {
                older.setAutoCommit(false);
                older.createStatement().execute("SELECT pg_current_xact_id()"); // older than the event's writer
                store.create(UUID.randomUUID(), "Thing", List.of(heldBack)); // notifies: nothing readable yet
                Thread.sleep(300); // for the notification to reach the relay while the event is held back
                older.commit(); // stored nothing, notifies no one
            }

            assertThat(receiveAll(Set.of(heldBack.eventId()))).containsKey(heldBack.eventId());
            relay.stop();
        }
    }

    private Relay start() {
        Relay relay = new Relay(dataSource, kafka, properties, new SimpleMeterRegistry());
        Thread thread = new Thread(relay, "relay-" + relays.size());
        thread.start();
        relays.add(thread);
        return relay;
    }

    /** Creates the streams, then appends events to them from 8 writers at once; returns every event id. */
    private Set<UUID> writeConcurrently(int events) throws Exception {
        List<UUID> streams = new ArrayList<>();
        Set<UUID> ids = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < STREAMS; i++) {
            NewEvent first = event();
            ids.add(first.eventId());
            streams.add(store.create(UUID.randomUUID(), "Thing", List.of(first)).get(0).streamId());
        }
        ExecutorService writers = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            done.add(writers.submit(() -> {
                while (ids.size() < events + STREAMS) {
                    UUID stream = streams.get(ThreadLocalRandom.current().nextInt(STREAMS));
                    NewEvent event = event();
                    try {
                        store.append(stream, store.read(stream, 1).size(), List.of(event));
                        ids.add(event.eventId());
                    } catch (ConcurrencyConflictException conflict) {
                        // another writer got there first: try again on another stream
                    }
                }
                return null;
            }));
        }
        for (Future<?> writer : done) {
            writer.get();
        }
        writers.shutdown();
        return ids;
    }

    private static NewEvent event() {
        return new NewEvent(UUID.randomUUID(), "Happened", "{\"n\": 1}", EventMetadata.causedBy(UUID.randomUUID()),
                Instant.now());
    }

    /**
     * Reads the topic until every expected event is there; checks on the way that each stream's
     * versions arrive strictly one after the other (a repeat of an earlier version is a duplicate).
     */
    private Map<UUID, JsonNode> receiveAll(Set<UUID> expected) {
        Map<UUID, JsonNode> received = new HashMap<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            received.clear();
            Map<String, Long> lastVersion = new HashMap<>();
            for (ConsumerRecord<String, String> record : all()) {
                JsonNode envelope = JSON.readTree(record.value());
                long version = envelope.get("version").asLong();
                long last = lastVersion.getOrDefault(record.key(), 0L);
                if (version > last) {
                    assertThat(version).as("next version of %s", record.key()).isEqualTo(last + 1);
                    lastVersion.put(record.key(), version);
                }
                assertThat(envelope.get("aggregateId").asString()).isEqualTo(record.key());
                received.put(UUID.fromString(envelope.get("eventId").asString()), envelope);
            }
            return received.keySet().containsAll(expected);
        });
        return received;
    }

    /** Everything on the test's topic, partition by partition. */
    private List<ConsumerRecord<String, String>> all() {
        return Topics.readAll(bootstrap(), properties.topic());
    }

    private static String bootstrap() {
        return SharedInfrastructure.get().kafka().bootstrapServers();
    }
}

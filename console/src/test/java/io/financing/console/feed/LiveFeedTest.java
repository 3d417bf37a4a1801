package io.financing.console.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.financing.api.event.EventEnvelope;
import io.financing.api.json.EventJson;
import io.financing.console.ConsoleProperties;
import io.financing.localstack.SharedInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

/** The live feed against a real Kafka: what a page opening it is shown, and that it follows what arrives. */
class LiveFeedTest {

    private static final int HISTORY = 100;

    private final String topic = "feed-" + UUID.randomUUID();
    private final String bootstrap = SharedInfrastructure.get().kafka().bootstrapServers();
    private final UUID busy = UUID.randomUUID();
    private final UUID quiet = UUID.randomUUID();
    private KafkaProducer<String, String> producer;
    private LiveFeed feed;

    @BeforeEach
    void start() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        }
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "partitioner.class",
                "org.apache.kafka.clients.producer.RoundRobinPartitioner"), new StringSerializer(), new StringSerializer());
        feed = new LiveFeed(new ConsoleProperties("localhost:1", "localhost:1", bootstrap, topic, "registering.events",
                "", Duration.ofSeconds(2), HISTORY, Duration.ofSeconds(1)));
        feed.start();
    }

    @AfterEach
    void stop() {
        feed.stop();
        producer.close();
    }

    @Test
    void aPageOpeningTheFeedIsShownEachPartitionsLatestEventsThenWhatArrives() throws Exception {
        publish(busy, 0, 1, 150);
        publish(quiet, 1, 1, 30);

        List<FeedEvent> shown = new CopyOnWriteArrayList<>();
        Disposable page = feed.events(null, null).subscribe(shown::add);
        await().atMost(Duration.ofSeconds(20)).until(() -> shown.size() == HISTORY + 30);
        assertThat(shown.stream().filter(event -> event.envelope().aggregateId().equals(busy))
                .map(event -> event.envelope().version())).containsExactlyInAnyOrderElementsOf(versions(51, 150));

        publish(busy, 0, 151, 151);
        await().atMost(Duration.ofSeconds(10)).until(() -> shown.getLast().envelope().version() == 151);
        page.dispose();
    }

    @Test
    void aFilterPassesOnlyItsAggregatesEventsAndAPageOpeningIsShownOnlyThePartitionsLatest() throws Exception {
        publish(busy, 0, 1, 10);
        publish(quiet, 1, 1, 10);
        List<FeedEvent> first = new CopyOnWriteArrayList<>();
        Disposable page = feed.events("Invoice", quiet.toString().substring(0, 8)).subscribe(first::add);
        await().atMost(Duration.ofSeconds(20)).until(() -> first.size() == 10);
        assertThat(first).allMatch(event -> event.envelope().aggregateId().equals(quiet));

        publish(quiet, 1, 11, 120);
        await().atMost(Duration.ofSeconds(20)).until(() -> first.getLast().envelope().version() == 120);
        List<FeedEvent> later = new CopyOnWriteArrayList<>();
        Disposable another = feed.events(null, quiet.toString()).subscribe(later::add);
        await().atMost(Duration.ofSeconds(5)).until(() -> later.size() == HISTORY);
        assertThat(later).extracting(event -> event.envelope().version())
                .containsExactlyInAnyOrderElementsOf(versions(21, 120));
        another.dispose();
        page.dispose();
    }

    @Test
    void aPageOpenedWhileAnotherWatchesIsShownEachPartitionsLatestEventsToo() throws Exception {
        List<FeedEvent> first = new CopyOnWriteArrayList<>();
        Disposable watching = feed.events(null, null).subscribe(first::add);
        publish(busy, 0, 1, 5);
        await().atMost(Duration.ofSeconds(20)).until(() -> first.size() == 5);
        publish(quiet, 1, 1, 150);
        await().atMost(Duration.ofSeconds(20)).until(() -> first.size() == 155);

        List<FeedEvent> second = new CopyOnWriteArrayList<>();
        Disposable another = feed.events(null, busy.toString()).subscribe(second::add);
        await().atMost(Duration.ofSeconds(5)).until(() -> second.size() == 5);
        another.dispose();
        watching.dispose();
    }

    private void publish(UUID aggregate, int partition, long fromVersion, long toVersion) throws Exception {
        for (long version = fromVersion; version <= toVersion; version++) {
            var envelope = new EventEnvelope(UUID.randomUUID(), "InvoiceCreated", "Invoice", aggregate, version, version,
                    Instant.now(), aggregate, aggregate);
            producer.send(new ProducerRecord<>(topic, partition, aggregate.toString(), EventJson.write(envelope, "{}")));
        }
        producer.flush();
    }

    private static List<Long> versions(long from, long to) {
        return IntStream.rangeClosed((int) from, (int) to).mapToObj(Long::valueOf).toList();
    }
}

package io.financing.relayer;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.financing.eventstore.EventMetadata;
import io.financing.eventstore.EventStoreSchema;
import io.financing.eventstore.NewEvent;
import io.financing.eventstore.EventsStoredNotifier;
import io.financing.eventstore.PostgresEventStore;
import io.financing.localstack.Infrastructure;
import io.financing.localstack.PostgresServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * How long a committed event takes to be readable on Kafka through the relay, at low load: appends
 * one event every {@code interval} ms (default 20) for {@code count} events (default 500), each a
 * commit of its own, with a consumer reading the topic all along. Prints the latency percentiles from
 * the append's return (the commit) to the consumer receiving it.
 * <pre>java -cp benchmarks/target/benchmarks.jar io.financing.relayer.RelayLatency [count] [interval-ms]</pre>
 */
public final class RelayLatency {

    private RelayLatency() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        long intervalMs = args.length > 1 ? Long.parseLong(args[1]) : 20;
        var root = Files.createTempDirectory("financing-relay-latency-");
        try (Infrastructure infrastructure = Infrastructure.start(Infrastructure.Settings.forTests(root))) {
            var config = new HikariConfig();
            config.setJdbcUrl(infrastructure.postgres().jdbcUrl(Infrastructure.EVENT_STORE_DATABASE));
            config.setUsername(PostgresServer.USER);
            config.setConnectionInitSql(EventStoreSchema.RECOMMENDED_CONNECTION_INIT_SQL);
            try (var dataSource = new HikariDataSource(config);
                 var notifier = new EventsStoredNotifier(dataSource, Duration.ofMillis(1))) {
                EventStoreSchema.migrate(dataSource);
                String bootstrap = infrastructure.kafka().bootstrapServers();
                var kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.<String, Object>of(
                        "bootstrap.servers", bootstrap, "acks", "all", "enable.idempotence", true, "linger.ms", 1),
                        new StringSerializer(), new StringSerializer()));
                var relay = new Relay(dataSource, kafka, new RelayerProperties("financing.events",
                        Duration.ofMillis(100), 500, "relayer", Duration.ofMillis(1),
                Duration.ofSeconds(5)), new SimpleMeterRegistry());
                new Thread(relay, "relay").start();
                long[] latencies = measure(new PostgresEventStore(dataSource, notifier), bootstrap, count, intervalMs);
                relay.stop();
                kafka.destroy();
                report(latencies, count, intervalMs);
            }
        }
    }

    private static long[] measure(PostgresEventStore store, String bootstrap, int count, long intervalMs)
            throws InterruptedException {
        Map<String, Long> committedAt = new ConcurrentHashMap<>();
        Map<String, Long> receivedAt = new ConcurrentHashMap<>();
        var consumer = new Thread(() -> consume(bootstrap, receivedAt, count), "consumer");
        consumer.start();
        Thread.sleep(3_000); // the consumer joins its partitions first
        for (int i = 0; i < count; i++) {
            UUID stream = UUID.randomUUID();
            store.create(stream, "Thing", List.of(new NewEvent(UUID.randomUUID(), "Happened", "{}",
                    EventMetadata.causedBy(stream), Instant.now())));
            committedAt.put(stream.toString(), System.nanoTime());
            Thread.sleep(intervalMs);
        }
        consumer.join(30_000);
        return committedAt.entrySet().stream()
                .filter(entry -> receivedAt.containsKey(entry.getKey()))
                .mapToLong(entry -> receivedAt.get(entry.getKey()) - entry.getValue())
                .sorted().toArray();
    }

    private static void consume(String bootstrap, Map<String, Long> receivedAt, int count) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", bootstrap,
                "group.id", "latency", "auto.offset.reset", "latest", "fetch.max.wait.ms", 5),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("financing.events"));
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (receivedAt.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(10)).forEach(record -> receivedAt.putIfAbsent(record.key(), System.nanoTime()));
            }
        }
    }

    private static void report(long[] latencies, int count, long intervalMs) {
        System.out.printf("relay latency, commit -> consumed on financing.events, %d events, one every %d ms%n",
                count, intervalMs);
        System.out.printf("received %d of %d%n", latencies.length, count);
        for (double p : new double[] {0.5, 0.95, 0.99, 1.0}) {
            long nanos = latencies[(int) Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
            System.out.printf("p%-5s %8.2f ms%n", p == 1.0 ? "max" : Double.toString(p * 100).replace(".0", ""),
                    nanos / 1e6);
        }
        System.out.printf("mean   %8.2f ms%n", Arrays.stream(latencies).average().orElse(0) / 1e6);
    }
}

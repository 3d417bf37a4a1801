package io.financing.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The real infrastructure every service needs: PostgreSQL with the event store and read model
 * databases, Kafka with the system's topics, and an identity provider whose JWK Set verifies the callers'
 * tokens. Tests and {@code ./financing up} both start it here.
 */
public final class Infrastructure implements AutoCloseable {

    public static final String EVENT_STORE_DATABASE = "eventstore";
    public static final String READ_MODEL_DATABASE = "readmodel";
    public static final List<String> TOPICS = List.of("financing.commands", "financing.events", "registering.events");
    /**
     * How long the topics keep their records: 3 days, in segments rolled daily, so no message is delivered later
     * than 4 days after it was published. The financing-service keeps the records of processed messages for 7 days,
     * longer than that, as it must: a record gone before its message would let the message be processed twice.
     */
    public static final Map<String, String> TOPIC_CONFIGS = Map.of(
            "retention.ms", String.valueOf(Duration.ofDays(3).toMillis()),
            "segment.ms", String.valueOf(Duration.ofDays(1).toMillis()));

    private final Settings settings;
    private volatile PostgresServer postgres;
    private volatile KafkaServer kafka;
    private final LocalIdentity identity;
    private final JwksServer jwks;

    private Infrastructure(Settings settings, PostgresServer postgres, KafkaServer kafka, LocalIdentity identity,
                           JwksServer jwks) {
        this.settings = settings;
        this.postgres = postgres;
        this.kafka = kafka;
        this.identity = identity;
        this.jwks = jwks;
    }

    /**
     * @param settings where it listens and keeps its data
     */
    public static Infrastructure start(Settings settings) {
        Ports.requireFree(settings.postgresPort(), "PostgreSQL");
        Ports.requireFree(settings.kafkaPort(), "Kafka");
        Ports.requireFree(settings.kafkaControllerPort(), "Kafka controller");
        Ports.requireFree(settings.identityPort(), "the identity provider's JWK Set");
        LocalIdentity identity = LocalIdentity.in(settings.identityDirectory());
        // First: a port found free is only free until something binds it, and starting PostgreSQL and Kafka opens
        // connections whose local ports the system picks from the same range (a test run lost its port so).
        JwksServer jwks = JwksServer.start(settings.identityPort(), identity);
        PostgresServer postgres = null;
        try {
            postgres = startPostgres(settings);
            postgres.createDatabaseIfMissing(EVENT_STORE_DATABASE);
            postgres.createDatabaseIfMissing(READ_MODEL_DATABASE);
            KafkaServer kafka = startKafka(settings);
            kafka.createTopics(TOPICS, settings.partitions(), TOPIC_CONFIGS);
            return new Infrastructure(settings, postgres, kafka, identity, jwks);
        } catch (RuntimeException e) {
            jwks.close();
            if (postgres != null) {
                postgres.close();
            }
            throw e;
        }
    }

    private static PostgresServer startPostgres(Settings settings) {
        return PostgresServer.start(settings.postgresPort(), settings.dataDirectory().resolve("postgres"),
                settings.logDirectory().resolve("postgres.log"), settings.durable());
    }

    private static KafkaServer startKafka(Settings settings) {
        return KafkaServer.start(settings.kafkaPort(), settings.kafkaControllerPort(),
                settings.dataDirectory().resolve("kafka"));
    }

    /** Stops the Kafka broker, as an outage would; {@link #startKafka()} brings it back on its data. */
    public synchronized void stopKafka() {
        kafka.close();
    }

    public synchronized void startKafka() {
        kafka = startKafka(settings);
    }

    /** Stops PostgreSQL (a fast shutdown: every session cut); {@link #startPostgres()} brings it back on its data. */
    public synchronized void stopPostgres() {
        postgres.close();
    }

    public synchronized void startPostgres() {
        postgres = startPostgres(settings);
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaServer kafka() {
        return kafka;
    }

    /** Mints the tokens the services accept. */
    public LocalIdentity identity() {
        return identity;
    }

    /** Where the services fetch the keys that verify the tokens ({@code FINANCING_AUTH_JWKS_URI}). */
    public String jwksUri() {
        return JwksServer.uri(settings.identityPort());
    }

    /** Stops Kafka first, so that nothing still writing to it outlives PostgreSQL unnoticed. */
    @Override
    public void close() {
        jwks.close();
        try {
            kafka.close();
        } finally {
            postgres.close();
        }
    }

    /**
     * @param durable fsync and synchronous commit on: required for the local run, benchmarks and any
     *                test about durability
     */
    public record Settings(int postgresPort, int kafkaPort, int kafkaControllerPort, int identityPort, int partitions,
                           Path dataDirectory, Path logDirectory, boolean durable) {

        /** Where the identity provider keeps its signing key: with the data, so a fresh start makes a new one. */
        public Path identityDirectory() {
            return dataDirectory.resolve("identity");
        }

        /** Free ports and fresh directories under {@code root}: what a test JVM needs. */
        public static Settings forTests(Path root) {
            return new Settings(Ports.free(), Ports.free(), Ports.free(), Ports.free(), 6,
                    root.resolve("data"), root.resolve("logs"), true);
        }
    }
}

package io.financing.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfrastructureTest {

    @Test
    void startsPostgresWithBothDatabasesAndKafkaWithTheSystemsTopics() throws Exception {
        Infrastructure infrastructure = SharedInfrastructure.get();

        for (String database : List.of(Infrastructure.EVENT_STORE_DATABASE, Infrastructure.READ_MODEL_DATABASE)) {
            try (var connection = DriverManager.getConnection(
                    infrastructure.postgres().jdbcUrl(database), PostgresServer.USER, "")) {
                var settings = connection.createStatement().executeQuery(
                        "SELECT current_setting('fsync'), current_setting('synchronous_commit')");
                settings.next();
                assertThat(settings.getString(1)).isEqualTo("on");
                assertThat(settings.getString(2)).isEqualTo("on");
            }
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", infrastructure.kafka().bootstrapServers()))) {
            var topics = admin.describeTopics(Infrastructure.TOPICS).allTopicNames().get();
            assertThat(topics).hasSize(3);
            topics.values().forEach(topic -> assertThat(topic.partitions()).hasSize(6));
        }
    }

    @Test
    void keepsDatabasesTopicsAndRecordsAcrossARestartOnTheSameDirectory(@TempDir Path root) {
        Infrastructure.Settings settings = Infrastructure.Settings.forTests(root);
        try (Infrastructure first = Infrastructure.start(settings)) {
            first.postgres().createDatabaseIfMissing("kept");
            produce(first.kafka().bootstrapServers(), "financing.commands", "k", "kept record");
        }

        try (Infrastructure second = Infrastructure.start(settings)) {
            second.postgres().createDatabaseIfMissing("kept");
            assertThat(consumeAll(second.kafka().bootstrapServers(), "financing.commands"))
                    .extracting(ConsumerRecord::value).containsExactly("kept record");
        }
    }

    @Test
    void refusesAPortThatIsTakenNamingIt(@TempDir Path root) throws Exception {
        try (var taken = new ServerSocket(0)) {
            var base = Infrastructure.Settings.forTests(root);
            var settings = new Infrastructure.Settings(base.postgresPort(), taken.getLocalPort(),
                    base.kafkaControllerPort(), base.identityPort(), 6, base.dataDirectory(), base.logDirectory(), false);

            assertThatThrownBy(() -> Infrastructure.start(settings))
                    .isInstanceOf(Ports.PortTakenException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort() + " (Kafka)");
        }
    }

    private static void produce(String bootstrap, String topic, String key, String value) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap, "acks", "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ConsumerRecord<String, String>> consumeAll(String bootstrap, String topic) {
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrap, "group.id", "test",
                "auto.offset.reset", "earliest");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of(topic));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}

package io.financing.service.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.financing.eventstore.EventStoreSchema;
import io.financing.eventstore.ProcessedMessages;
import io.financing.localstack.PostgresServer;
import io.financing.localstack.SharedInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Given a message processed eight days ago and one just now, with records kept for seven days: the old record goes
 * once no topic can deliver its message again, the new one still finds its duplicate, and while a topic could
 * deliver the old message again, nothing goes.
 */
class ProcessedMessagesRetentionTest {

    private static final Duration KEPT = Duration.ofDays(7);
    private static DataSource database;
    private static ProcessedMessages processed;

    private final String expired = UUID.randomUUID().toString();
    private final String recent = UUID.randomUUID().toString();

    @BeforeAll
    static void eventStore() {
        PostgresServer postgres = SharedInfrastructure.get().postgres();
        String name = "retention_" + UUID.randomUUID().toString().replace("-", "");
        postgres.createDatabaseIfMissing(name);
        database = new DriverManagerDataSource(postgres.jdbcUrl(name), PostgresServer.USER, "");
        EventStoreSchema.migrate(database);
        processed = new ProcessedMessages(database);
    }

    @Test
    void anExpiredRecordGoesOnceNoTopicCanDeliverItsMessageAndAnUnexpiredOneStillDeduplicates() throws Exception {
        var retention = retentionOver(topics(Map.of(TopicConfig.RETENTION_MS_CONFIG, days(3),
                TopicConfig.SEGMENT_MS_CONFIG, days(1))));
        processedEightDaysAgoAndNow();

        assertThat(retention.forgetExpired()).isEqualTo(1);

        assertThat(processed.markProcessed("saga", recent)).as("unexpired: still a duplicate").isFalse();
        assertThat(processed.markProcessed("saga", expired)).as("forgotten").isTrue();
    }

    @Test
    void nothingGoesWhileATopicMayStillDeliverTheMessage() throws Exception {
        // Kafka's defaults: records kept 7 days, in segments rolled every 7 days: a message may live 14 days.
        var retention = retentionOver(topics(Map.of()));
        processedEightDaysAgoAndNow();

        assertThat(retention.forgetExpired()).isZero();

        assertThat(processed.markProcessed("saga", expired)).as("kept: still a duplicate").isFalse();
    }

    private void processedEightDaysAgoAndNow() {
        processed.markProcessed("saga", List.of(expired, recent));
        new JdbcTemplate(database).update("UPDATE eventstore.processed_messages SET processed_at = now() - interval"
                + " '8 days' WHERE message_id = ?", expired);
    }

    private static ProcessedMessagesRetention retentionOver(List<String> topics) {
        var kafka = new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()));
        return new ProcessedMessagesRetention(processed, new RetentionProperties(KEPT, 1, Duration.ofMinutes(1)), kafka,
                topics.get(0), topics.get(1), topics.get(2), new SimpleMeterRegistry());
    }

    /** Three topics of this test's own, as the commands, the registering events and the domain events. */
    private static List<String> topics(Map<String, String> configs) throws Exception {
        List<String> names = List.of("commands", "registering", "events").stream()
                .map(role -> "retention-" + role + "-" + UUID.randomUUID()).toList();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            admin.createTopics(names.stream().map(name -> new NewTopic(name, 1, (short) 1).configs(configs)).toList())
                    .all().get();
        }
        return names;
    }

    private static String days(int days) {
        return String.valueOf(Duration.ofDays(days).toMillis());
    }

    private static String bootstrap() {
        return SharedInfrastructure.get().kafka().bootstrapServers();
    }
}

package io.financing.relayer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.financing.eventstore.EventMetadata;
import io.financing.eventstore.EventStore;
import io.financing.eventstore.NewEvent;
import io.financing.eventstore.PostgresEventStore;
import io.financing.localstack.PostgresServer;
import io.financing.localstack.SharedInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** The application as deployed: wired from its configuration, relaying what is stored to financing.events. */
@SpringBootTest
class RelayerApplicationTest {

    private static final String DATABASE = "relayer_" + UUID.randomUUID().toString().replace("-", "");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        PostgresServer postgres = SharedInfrastructure.get().postgres();
        postgres.createDatabaseIfMissing(DATABASE);
        registry.add("spring.datasource.url", () -> postgres.jdbcUrl(DATABASE));
        registry.add("spring.kafka.bootstrap-servers", () -> SharedInfrastructure.get().kafka().bootstrapServers());
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DataSource dataSource;

    @Test
    void publishesAStoredEventInItsEnvelopeKeyedByItsAggregate() {
        EventStore store = new PostgresEventStore(dataSource);
        UUID invoice = UUID.randomUUID();
        UUID command = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();

        store.create(invoice, "Invoice", List.of(new NewEvent(eventId, "InvoiceCreated",
                "{\"invoiceId\": \"" + invoice + "\", \"askingPrice\": \"10.00\"}", EventMetadata.causedBy(command),
                Instant.parse("2026-11-27T10:00:00.123Z"))));

        ConsumerRecord<String, String> record = awaitRecordKeyed(invoice.toString());
        assertThat(record.value()).contains("\"eventId\":\"" + eventId + "\"", "\"name\":\"InvoiceCreated\"",
                "\"aggregateType\":\"Invoice\"", "\"aggregateId\":\"" + invoice + "\"", "\"version\":1",
                "\"position\":", "\"occurredAt\":\"2026-11-27T10:00:00.123Z\"", "\"correlationId\":\"" + command + "\"",
                "\"causationId\":\"" + command + "\"");
        assertThat(JSON.readTree(record.value()).get("data"))
                .isEqualTo(JSON.readTree("{\"invoiceId\": \"" + invoice + "\", \"askingPrice\": \"10.00\"}"));
    }

    private static ConsumerRecord<String, String> awaitRecordKeyed(String key) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                "bootstrap.servers", SharedInfrastructure.get().kafka().bootstrapServers(),
                "group.id", "test-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("financing.events"));
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.key().equals(key)) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }
}

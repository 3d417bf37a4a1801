package io.financing.populate;

import static org.assertj.core.api.Assertions.assertThat;

import io.financing.localstack.SharedInfrastructure;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RegisteringPublisherTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void publishesIntegrationEventsInTheRegisteringContextsFormatKeyedByTheParty() throws Exception {
        var acme = new Registration.Issuer(UUID.randomUUID(), "ACME");
        var ann = new Registration.Investor(UUID.randomUUID(), "Ann", new BigDecimal("100"));
        String bootstrap = SharedInfrastructure.get().kafka().bootstrapServers();

        try (var publisher = new RegisteringPublisher(bootstrap, "registering.events")) {
            publisher.publish(List.of(acme, ann));
        }

        List<ConsumerRecord<String, String>> records = readAll(bootstrap);
        JsonNode issuer = message(records, acme.id());
        assertThat(issuer.get("name").asString()).isEqualTo("IssuerRegistered");
        assertThat(issuer.get("data").get("issuerId").asString()).isEqualTo(acme.id().toString());
        assertThat(issuer.get("data").get("name").asString()).isEqualTo("ACME");
        assertThat(issuer.get("eventId").asString()).isEqualTo(acme.eventId().toString());
        JsonNode investor = message(records, ann.id());
        assertThat(investor.get("name").asString()).isEqualTo("InvestorRegistered");
        assertThat(investor.get("data").get("balance").asString()).isEqualTo("100.00");
    }

    @Test
    void registeringThePartyAgainPublishesTheSameEventWhichConsumersKnowAlready() {
        var acme = new Registration.Issuer(UUID.randomUUID(), "ACME");

        assertThat(new Registration.Issuer(acme.id(), "ACME").eventId()).isEqualTo(acme.eventId());
        assertThat(new Registration.Issuer(UUID.randomUUID(), "ACME").eventId()).isNotEqualTo(acme.eventId());
    }

    @Test
    void withStableIdsTheSameCommandRegistersTheSamePartiesSoAgainRegistersNoOneTwice() throws Exception {
        String[] demo = {"--issuers", "2", "--investors", "3", "--balance", "1000.00", "--stable-ids"};

        List<Registration> first = PopulateMain.Options.parse(demo).registrations();
        List<Registration> again = PopulateMain.Options.parse(demo).registrations();

        assertThat(again).isEqualTo(first).hasSize(5).extracting(Registration::id).doesNotHaveDuplicates();
        assertThat(PopulateMain.Options.parse(new String[]{"--issuers", "2"}).registrations())
                .as("without --stable-ids, new parties each time").doesNotContainAnyElementsOf(first);
    }

    @Test
    void printsTheIdsItRegisteredOnePerLineOrAsJson() {
        var acme = new Registration.Issuer(UUID.fromString("5f0c6a9e-3c1b-4c57-9a55-0f8b2f6c1d11"), "ACME");
        var lines = new ByteArrayOutputStream();
        var array = new ByteArrayOutputStream();

        PopulateMain.print(List.of(acme), false, new PrintStream(lines, true));
        PopulateMain.print(List.of(acme), true, new PrintStream(array, true));

        assertThat(lines.toString()).isEqualTo("issuer 5f0c6a9e-3c1b-4c57-9a55-0f8b2f6c1d11" + System.lineSeparator());
        assertThat(json.readTree(array.toString())).isEqualTo(json.readTree(
                "[{\"type\":\"issuer\",\"id\":\"5f0c6a9e-3c1b-4c57-9a55-0f8b2f6c1d11\"}]"));
    }

    private JsonNode message(List<ConsumerRecord<String, String>> records, UUID key) {
        return json.readTree(records.stream().filter(r -> r.key().equals(key.toString())).findFirst().orElseThrow()
                .value());
    }

    private static List<ConsumerRecord<String, String>> readAll(String bootstrap) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", bootstrap,
                "group.id", "test-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("registering.events"));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < 2 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}

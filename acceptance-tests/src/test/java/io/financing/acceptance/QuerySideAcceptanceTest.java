package io.financing.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.financing.api.v1.Investor;
import io.financing.api.v1.Invoice;
import io.financing.api.v1.InvoiceStatus;
import io.financing.api.v1.Money;
import io.financing.api.v1.QueriesGrpc;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The query side alone, as the seed tested it: domain events put on {@code financing.events} in the
 * envelope of the design, answers read over gRPC. Only events that start no saga step are published,
 * so the command side is left alone.
 */
class QuerySideAcceptanceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    // Far above what the test system's store reaches, and unique: lists are ordered by it.
    private static final AtomicLong POSITION = new AtomicLong(1_000_000_000L + System.nanoTime() % 1_000_000_000L);

    private KafkaProducer<String, String> producer;
    private ManagedChannel channel;
    private QueriesGrpc.QueriesBlockingStub queries;

    @BeforeEach
    void connect() throws Exception {
        SystemUnderTest system = SystemUnderTest.get();
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", system.kafka(), "acks", "all"),
                new StringSerializer(), new StringSerializer());
        channel = system.queriesChannel();
        queries = QueriesGrpc.newBlockingStub(channel);
    }

    @AfterEach
    void disconnect() {
        producer.close();
        channel.shutdownNow();
    }

    @Test
    void twoInvoicesCreatedAreTwoAvailableInvoicesWithoutBids() {
        UUID issuer = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        publish("Invoice", first, 1, "InvoiceCreated", JSON.createObjectNode().put("invoiceId", first.toString())
                .put("issuerId", issuer.toString()).put("askingPrice", "10.00"));
        publish("Invoice", second, 1, "InvoiceCreated", JSON.createObjectNode().put("invoiceId", second.toString())
                .put("issuerId", issuer.toString()).put("askingPrice", "20.00"));

        for (UUID invoice : new UUID[] {first, second}) {
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> queries.getInvoice(id(invoice)) != null);
            Invoice shown = queries.getInvoice(id(invoice));
            assertThat(shown.getStatus()).isEqualTo(InvoiceStatus.AVAILABLE);
            assertThat(shown.hasWinningBid()).isFalse();
            assertThat(shown.getIssuerId()).isEqualTo(id(issuer));
        }
    }

    @Test
    void anInvestorCreatedWithFundsShowsItsBalanceOnceEvenIfDeliveredTwice() {
        UUID investor = UUID.randomUUID();
        ObjectNode added = JSON.createObjectNode().put("investorId", investor.toString()).put("amount", "75.50");

        publish("Investor", investor, 1, "InvestorCreated", JSON.createObjectNode().put("investorId", investor.toString()));
        String envelope = envelope("Investor", investor, 2, "InvestorFundsAdded", added);
        send(investor, envelope);
        send(investor, envelope);

        Investor expected = Investor.newBuilder().setId(id(investor)).setBalance(money("75.50"))
                .setReserved(money("0.00")).setCommitted(money("0.00")).build();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> queries.getInvestor(id(investor)).equals(expected));
    }

    private void publish(String type, UUID aggregate, long version, String name, ObjectNode data) {
        send(aggregate, envelope(type, aggregate, version, name, data));
    }

    private static String envelope(String type, UUID aggregate, long version, String name, ObjectNode data) {
        UUID correlation = UUID.randomUUID();
        ObjectNode envelope = JSON.createObjectNode()
                .put("eventId", UUID.randomUUID().toString()).put("name", name).put("aggregateType", type)
                .put("aggregateId", aggregate.toString()).put("version", version)
                .put("position", POSITION.incrementAndGet()).put("occurredAt", Instant.now().toString())
                .put("correlationId", correlation.toString()).put("causationId", correlation.toString());
        envelope.set("data", data);
        return JSON.writeValueAsString(envelope);
    }

    private void send(UUID key, String value) {
        try {
            producer.send(new ProducerRecord<>("financing.events", key.toString(), value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static io.financing.api.v1.UUID id(UUID id) {
        return io.financing.api.v1.UUID.newBuilder().setValue(id.toString()).build();
    }

    private static Money money(String amount) {
        return Money.newBuilder().setAmount(amount).build();
    }
}

package io.financing.service.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.financing.api.Money;
import io.financing.api.access.Caller;
import io.financing.api.command.ApproveFinancing;
import io.financing.api.command.BidOnInvoice;
import io.financing.api.command.Command;
import io.financing.api.command.CommandMessage;
import io.financing.api.command.ReverseFinancing;
import io.financing.api.command.SellInvoice;
import io.financing.api.event.InvestorEvent;
import io.financing.eventstore.AggregateRepository;
import io.financing.eventstore.EventMetadata;
import io.financing.eventstore.EventStore;
import io.financing.eventstore.ProcessedMessages;
import io.financing.eventstore.StoredEvent;
import io.financing.localstack.PostgresServer;
import io.financing.localstack.SharedInfrastructure;
import io.financing.observability.Traces;
import io.financing.relayer.Envelope;
import io.financing.relayer.Relay;
import io.financing.relayer.RelayerProperties;
import io.financing.service.investor.Investor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service against the real Kafka and PostgreSQL: messages go on the real topics, the events land
 * in the real store, and the relay carries them back to the saga through {@code financing.events}.
 */
@SpringBootTest(properties = {"financing.consumers.retry-interval=100", "financing.consumers.retries=2"})
class FinancingServiceTest {

    private static final String DATABASE = "financing_" + UUID.randomUUID().toString().replace("-", "");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static KafkaProducer<String, String> producer;
    private static Relay relay;

    @Autowired
    EventStore store;
    @Autowired
    AggregateRepository<Investor, ?, ?> investors;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        PostgresServer postgres = SharedInfrastructure.get().postgres();
        postgres.createDatabaseIfMissing(DATABASE);
        registry.add("spring.datasource.url", () -> postgres.jdbcUrl(DATABASE));
        registry.add("spring.kafka.bootstrap-servers", FinancingServiceTest::kafka);
    }

    private static String kafka() {
        return SharedInfrastructure.get().kafka().bootstrapServers();
    }

    @BeforeAll
    static void connect() {
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka(), "acks", "all"),
                new StringSerializer(), new StringSerializer());
    }

    @Autowired
    void startRelay(DataSource dataSource, KafkaTemplate<String, String> kafka) {
        if (relay == null) {
            relay = new Relay(dataSource, kafka, new RelayerProperties("financing.events", Duration.ofMillis(100), 500,
                    "relayer", Duration.ofMillis(1),
                Duration.ofSeconds(5)), new SimpleMeterRegistry());
            new Thread(relay, "relay").start();
        }
    }

    @AfterAll
    static void disconnect() {
        relay.stop();
        producer.close();
    }

    private final UUID issuer = UUID.randomUUID();
    private final UUID ann = UUID.randomUUID();
    private final UUID invoice = UUID.randomUUID();

    @Test
    void registeringCreatesIssuersAndInvestorsWithTheirFunds() {
        registerIssuer(issuer);
        registerInvestor(ann, "100.00");

        assertThat(awaitEvents(issuer, 1)).containsExactly("IssuerCreated");
        assertThat(awaitEvents(ann, 2)).containsExactly("InvestorCreated", "InvestorFundsAdded");
    }

    @Test
    void sellingRecordsTheInvoiceAndTheCommandsSuccessWithItsEvents() {
        registered();

        UUID command = send(new SellInvoice(invoice, issuer, new BigDecimal("10.00")));

        assertThat(awaitEvents(invoice, 1)).containsExactly("InvoiceCreated");
        JsonNode outcome = awaitOutcome(command, "CommandSucceeded");
        assertThat(outcome.get("eventIds").get(0).asString())
                .isEqualTo(store.read(invoice, 1).get(0).eventId().toString());
    }

    @Test
    void anUnregisteredIssuerIsRejectedWithTheReason() {
        UUID command = send(new SellInvoice(invoice, issuer, BigDecimal.TEN));

        assertThat(awaitOutcome(command, "CommandRejected").get("reason").asString())
                .isEqualTo("Issuer " + issuer + " is not registered");
        assertThat(store.contains(invoice)).isFalse();
    }

    @Test
    void bidTwentyOnTenIsPlacedFinancedAndTheExcessReleased() {
        onSaleForTen();

        send(new BidOnInvoice(ann, invoice, new BigDecimal("20")));

        assertThat(awaitEvents(ann, 4)).containsExactly("InvestorCreated", "InvestorFundsAdded",
                "BidOnInvoicePlaced", "InvestorFundsReleased");
        assertThat(awaitEvents(invoice, 2)).containsExactly("InvoiceCreated", "InvoiceFinanced");
        assertMoney(ann, "90", "10", "0");
    }

    @Test
    void everyEventNamesTheCommandItStemsFromTheMessageThatCausedItAndTheTraceItBelongsTo() {
        onSaleForTen();

        UUID command = send(new BidOnInvoice(ann, invoice, new BigDecimal("20")));

        awaitEvents(ann, 4);
        StoredEvent placed = store.read(ann, 3).get(0);
        StoredEvent financed = store.read(invoice, 2).get(0);
        StoredEvent released = store.read(ann, 4).get(0);
        assertThat(placed.metadata()).isEqualTo(new EventMetadata(command, command, placed.metadata().traceparent()));
        assertThat(financed.metadata()).isEqualTo(new EventMetadata(command, placed.eventId(),
                financed.metadata().traceparent()));
        assertThat(released.metadata()).isEqualTo(new EventMetadata(command, financed.eventId(),
                released.metadata().traceparent()));
        assertThat(Stream.of(placed, financed, released).map(event -> traceIdOf(event.metadata().traceparent())))
                .as("one trace, from the command's handling through each step of the saga")
                .doesNotContainNull().containsOnly(traceIdOf(placed.metadata().traceparent()));
    }

    /** The trace id in a W3C traceparent: version-traceid-spanid-flags. */
    private static String traceIdOf(String traceparent) {
        return traceparent == null ? null : traceparent.split("-")[1];
    }

    @Test
    void bidFiveOnTenIsPlacedRejectedAndReleased() {
        onSaleForTen();

        send(new BidOnInvoice(ann, invoice, new BigDecimal("5")));

        assertThat(awaitEvents(ann, 4)).endsWith("BidOnInvoicePlaced", "InvestorFundsReleased");
        assertThat(awaitEvents(invoice, 2)).containsExactly("InvoiceCreated", "BidOnInvoiceRejected");
        assertMoney(ann, "100", "0", "0");
    }

    @Test
    void aBidBeyondTheBalanceIsRejectedAndChangesNothing() {
        onSaleForTen();

        UUID command = send(new BidOnInvoice(ann, invoice, new BigDecimal("100.01")));

        assertThat(awaitOutcome(command, "CommandRejected").get("reason").asString())
                .isEqualTo("Investor " + ann + " has 100.00 available, bid was 100.01");
        assertThat(settledEvents(ann)).hasSize(2);
        assertThat(settledEvents(invoice)).containsExactly("InvoiceCreated");
    }

    @Test
    void approvingCommitsTheAskingPrice() {
        financedByAnnForTwenty();

        send(new ApproveFinancing(invoice));

        assertThat(awaitEvents(invoice, 3)).endsWith("InvoiceApproved");
        assertThat(awaitEvents(ann, 5)).endsWith("InvestorFundsCommitted");
        assertMoney(ann, "90", "0", "10");
    }

    @Test
    void aDecisionByAnotherIssuerIsRejectedWithItsReasonAndStoresNoEvent() {
        financedByAnnForTwenty();
        Caller another = Caller.issuer(UUID.randomUUID());

        UUID approve = send(new ApproveFinancing(invoice), another);
        UUID reverse = send(new ReverseFinancing(invoice), another);
        send(new ApproveFinancing(invoice), Caller.issuer(issuer));

        assertThat(awaitOutcome(approve, "CommandRejected").get("reason").asString())
                .isEqualTo(another + " is not the issuer of invoice " + invoice);
        assertThat(awaitOutcome(reverse, "CommandRejected").get("issuedBy").get("subject").asString())
                .isEqualTo(another.subject());
        assertThat(awaitEvents(invoice, 3)).containsExactly("InvoiceCreated", "InvoiceFinanced", "InvoiceApproved");
    }

    @Test
    void reversingReleasesTheAskingPrice() {
        financedByAnnForTwenty();

        send(new ReverseFinancing(invoice));

        assertThat(awaitEvents(invoice, 3)).endsWith("InvoiceReversed");
        assertThat(awaitEvents(ann, 5)).endsWith("InvestorFundsReleased");
        assertMoney(ann, "100", "0", "0");
    }

    @Test
    void theSameCommandIntegrationEventAndDomainEventDeliveredTwiceHaveOneEffect() {
        String registered = registering("InvestorRegistered", ann, "investorId", "100.00");
        publish("registering.events", ann, registered);
        publish("registering.events", ann, registered);
        registerIssuer(issuer);
        awaitEvents(issuer, 1);
        CommandMessage sell = CommandMessage.of(UUID.randomUUID(), Instant.now(), Caller.issuer(issuer),
                new SellInvoice(invoice, issuer, BigDecimal.TEN));
        publish("financing.commands", invoice, JSON.writeValueAsString(sell));
        publish("financing.commands", invoice, JSON.writeValueAsString(sell));
        awaitEvents(invoice, 1);
        send(new BidOnInvoice(ann, invoice, new BigDecimal("20")));
        awaitEvents(ann, 4);

        StoredEvent financed = store.read(invoice, 2).get(0);
        // InvoiceFinanced again: the excess must not be released twice.
        publish("financing.events", invoice, Envelope.of(financed));

        assertThat(settledEvents(ann)).containsExactly("InvestorCreated", "InvestorFundsAdded",
                "BidOnInvoicePlaced", "InvestorFundsReleased");
        assertThat(settledEvents(invoice)).containsExactly("InvoiceCreated", "InvoiceFinanced");
        assertMoney(ann, "90", "10", "0");
    }

    @Test
    void ofTwentyConcurrentBidsExactlyOneFinancesAndEveryOtherIsReleased() throws Exception {
        onSaleForTen();
        List<UUID> bidders = IntStream.range(0, 20).mapToObj(i -> UUID.randomUUID()).toList();
        bidders.forEach(bidder -> registerInvestor(bidder, "50.00"));
        bidders.forEach(bidder -> awaitEvents(bidder, 2));

        var threads = Executors.newFixedThreadPool(8);
        for (UUID bidder : bidders) {
            threads.submit(() -> send(new BidOnInvoice(bidder, invoice, new BigDecimal("10"))));
        }
        threads.shutdown();

        List<String> invoiceEvents = awaitEvents(invoice, 21);
        assertThat(invoiceEvents).filteredOn("InvoiceFinanced"::equals).hasSize(1);
        assertThat(invoiceEvents).filteredOn("BidOnInvoiceRejected"::equals).hasSize(19);
        bidders.forEach(bidder -> awaitEvents(bidder, 3));
        List<Investor> settled = bidders.stream().map(bidder -> awaitSettled(bidder)).toList();
        assertThat(settled).allSatisfy(investor -> assertThat(investor.balance().plus(investor.reserved())
                .plus(investor.committed())).isEqualTo(Money.of("50")));
        assertThat(settled).filteredOn(investor -> investor.reserved().equals(Money.of("10"))).hasSize(1);
    }

    @Test
    void commandsPolledTogetherEachHaveTheirOwnOutcomeWhateverTheOthersDo() {
        onSaleForTen();
        UUID second = UUID.randomUUID();
        send(new SellInvoice(second, issuer, BigDecimal.TEN));
        awaitEvents(second, 1);
        List<CommandMessage> bids = List.of(new BidOnInvoice(ann, invoice, new BigDecimal("10")),
                        new BidOnInvoice(ann, UUID.randomUUID(), new BigDecimal("10")),
                        new BidOnInvoice(ann, second, new BigDecimal("95")),
                        new BidOnInvoice(ann, second, new BigDecimal("20")))
                .stream().map(bid -> CommandMessage.of(UUID.randomUUID(), Instant.now(), Caller.ANYONE, bid)).toList();

        // One key, hence one partition, sent at once: the service polls them together, a poison message among them.
        producer.send(new ProducerRecord<>("financing.commands", ann.toString(), JSON.writeValueAsString(bids.get(0))));
        producer.send(new ProducerRecord<>("financing.commands", ann.toString(), JSON.writeValueAsString(bids.get(1))));
        producer.send(new ProducerRecord<>("financing.commands", ann.toString(), "{ poison " + UUID.randomUUID()));
        bids.subList(2, 4).forEach(bid ->
                producer.send(new ProducerRecord<>("financing.commands", ann.toString(), JSON.writeValueAsString(bid))));
        producer.flush();

        awaitOutcome(bids.get(0).commandId(), "CommandSucceeded");
        assertThat(awaitOutcome(bids.get(1).commandId(), "CommandRejected").get("reason").asString())
                .contains("does not exist");
        assertThat(awaitOutcome(bids.get(2).commandId(), "CommandRejected").get("reason").asString())
                .contains("available");
        awaitOutcome(bids.get(3).commandId(), "CommandSucceeded");
        assertThat(settledEvents(ann)).containsExactly("InvestorCreated", "InvestorFundsAdded",
                "BidOnInvoicePlaced", "BidOnInvoicePlaced", "InvestorFundsReleased");
        assertMoney(ann, "80", "20", "0");
    }

    @Test
    void whileTheDatabaseIsAwayABatchWaitsForItAndIsProcessedOnceWhenItIsBack(
            @Autowired PlatformTransactionManager transactions, @Autowired ProcessedMessages processed,
            @Autowired Traces traces) {
        var triesLeftAway = new AtomicInteger(3);
        var databaseAway = new TransactionTemplate(transactions) {
            @Override
            public <T> T execute(TransactionCallback<T> action) {
                if (triesLeftAway.getAndDecrement() > 0) {
                    throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction");
                }
                return super.execute(action);
            }
        };
        var exactlyOnce = new ExactlyOnce(databaseAway, processed, store, traces, new SimpleMeterRegistry(), 10);
        UUID message = UUID.randomUUID();
        var effects = new AtomicInteger();

        exactlyOnce.processAll(List.of(new ConsumerRecord<>("financing.commands", 0, 0, "key", "value")),
                record -> Optional.of(new ExactlyOnce.Delivery(new ExactlyOnce.Message("outage-test", "Anything", message,
                        message), UUID.randomUUID(), metadata -> effects.incrementAndGet())));

        assertThat(triesLeftAway).as("three tries while away, the fourth once back").hasValue(-1);
        assertThat(effects).hasValue(1);
        assertThat(processed.processedAmong("outage-test", List.of(message.toString()))).contains(message.toString());
    }

    /** Each topic the service consumes, with messages that can never be processed however often tried. */
    static List<Arguments> poisonMessages() {
        List<Arguments> poison = new ArrayList<>();
        for (String topic : List.of("financing.commands", "registering.events", "financing.events")) {
            poison.add(Arguments.of(topic, "{ this is not json " + UUID.randomUUID()));
            poison.add(Arguments.of(topic, "[\"an array\", \"" + UUID.randomUUID() + "\"]"));
            poison.add(Arguments.of(topic, "\u0000\uFFFD binary " + UUID.randomUUID()));
        }
        poison.add(Arguments.of("financing.commands", "{\"commandId\": \"" + UUID.randomUUID() + "\", \"name\": \"BidOnInvoice\"}"));
        poison.add(Arguments.of("registering.events", "{\"eventId\": \"" + UUID.randomUUID()
                + "\", \"name\": \"InvestorRegistered\", \"data\": {\"balance\": \"ten\"}}"));
        poison.add(Arguments.of("financing.events", "{\"eventId\": \"" + UUID.randomUUID()
                + "\", \"name\": \"BidOnInvoicePlaced\", \"data\": {\"bidAmount\": []}}"));
        return poison;
    }

    @ParameterizedTest
    @MethodSource("poisonMessages")
    void aPoisonMessageIsDeadLetteredAndProcessingGoesOn(String topic, String poison) {
        publish(topic, UUID.randomUUID(), poison);

        registered();
        assertThat(awaitEvents(ann, 2)).hasSize(2);
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", kafka(),
                "group.id", "test-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic + ".DLT"));
            List<String> deadLetters = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> deadLetters.add(record.value()));
                return deadLetters.contains(poison);
            });
        }
    }

    // Givens

    private void registered() {
        registerIssuer(issuer);
        registerInvestor(ann, "100.00");
        awaitEvents(issuer, 1);
        awaitEvents(ann, 2);
    }

    private void onSaleForTen() {
        registered();
        send(new SellInvoice(invoice, issuer, new BigDecimal("10.00")));
        awaitEvents(invoice, 1);
    }

    private void financedByAnnForTwenty() {
        onSaleForTen();
        send(new BidOnInvoice(ann, invoice, new BigDecimal("20")));
        awaitEvents(ann, 4);
        awaitEvents(invoice, 2);
    }

    // Messages on the real topics

    private void registerIssuer(UUID id) {
        publish("registering.events", id, registering("IssuerRegistered", id, "issuerId", null));
    }

    private void registerInvestor(UUID id, String balance) {
        publish("registering.events", id, registering("InvestorRegistered", id, "investorId", balance));
    }

    private static String registering(String name, UUID id, String idField, String balance) {
        var data = JSON.createObjectNode().put(idField, id.toString()).put("name", "someone");
        if (balance != null) {
            data.put("balance", balance);
        }
        var event = JSON.createObjectNode().put("eventId", UUID.randomUUID().toString()).put("name", name);
        event.set("data", data);
        return JSON.writeValueAsString(event);
    }

    private UUID send(Command command) {
        return send(command, Caller.ANYONE);
    }

    private UUID send(Command command, Caller caller) {
        CommandMessage message = CommandMessage.of(UUID.randomUUID(), Instant.now(), caller, command);
        publish("financing.commands", message.aggregateId(), JSON.writeValueAsString(message));
        return message.commandId();
    }

    private static void publish(String topic, UUID key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key.toString(), value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // What landed in the store

    private List<String> awaitEvents(UUID stream, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> store.read(stream, 1).size() >= count);
        return names(stream);
    }

    /** The stream once nothing more has arrived for a while: proves that no extra event follows. */
    private List<String> settledEvents(UUID stream) {
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> true);
        return names(stream);
    }

    private List<String> names(UUID stream) {
        return store.read(stream, 1).stream().map(StoredEvent::name).toList();
    }

    private JsonNode awaitOutcome(UUID command, String expected) {
        await().atMost(Duration.ofSeconds(60)).until(() -> store.contains(command));
        StoredEvent outcome = store.read(command, 1).get(0);
        assertThat(outcome.name()).isEqualTo(expected);
        return JSON.readTree(outcome.data());
    }

    private Investor awaitSettled(UUID investor) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Investor loaded = investors.load(investor).orElseThrow();
            return loaded.reserved().isZero() || loaded.reserved().equals(Money.of("10"));
        });
        return investors.load(investor).orElseThrow();
    }

    private void assertMoney(UUID investor, String balance, String reserved, String committed) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Investor loaded = investors.load(investor).orElseThrow();
            assertThat(loaded.balance()).as("balance").isEqualTo(Money.of(balance));
            assertThat(loaded.reserved()).as("reserved").isEqualTo(Money.of(reserved));
            assertThat(loaded.committed()).as("committed").isEqualTo(Money.of(committed));
        });
    }
}

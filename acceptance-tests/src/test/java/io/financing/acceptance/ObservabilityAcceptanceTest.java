package io.financing.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.financing.api.v1.BidOnInvoiceCommand;
import io.financing.api.v1.CommandsGrpc;
import io.financing.api.v1.InvoiceStatus;
import io.financing.api.v1.Money;
import io.financing.api.v1.QueriesGrpc;
import io.financing.api.v1.SellInvoiceCommand;
import io.financing.localstack.Infrastructure;
import io.financing.localstack.LocalSettings;
import io.financing.api.metrics.PrometheusText;
import io.financing.localstack.ServiceProcess;
import io.financing.populate.RegisteringPublisher;
import io.financing.populate.Registration;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the system says about itself, read as an operator reads it: one bid is one trace across every service in
 * the local Zipkin; the metrics of each management port move as they should; the relay says who holds it back.
 * These read the local system's management ports and Zipkin, so they need the system this JVM started.
 */
class ObservabilityAcceptanceTest {

    private static final Duration SETTLING = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private SystemUnderTest system;
    private LocalSettings local;
    private ManagedChannel commandsChannel;
    private ManagedChannel queriesChannel;

    private final UUID issuer = UUID.randomUUID();
    private final UUID investor = UUID.randomUUID();

    @BeforeEach
    void localSystem() throws Exception {
        system = SystemUnderTest.get();
        Assumptions.assumeTrue(system.local() != null, "reads the management ports of the system this JVM starts");
        local = system.local().settings();
        commandsChannel = system.commandsChannel();
        queriesChannel = system.queriesChannel();
    }

    @AfterEach
    void disconnect() {
        if (commandsChannel != null) {
            commandsChannel.shutdownNow();
            queriesChannel.shutdownNow();
        }
    }

    @Test
    void oneBidIsOneTraceWithSpansOfEveryServiceAndOfEachHandlerStep() throws Exception {
        String invoice = onSaleForTen();
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        var traced = new Metadata();
        traced.put(Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER),
                "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01");

        CommandsGrpc.newBlockingStub(commandsChannel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(traced))
                .bidOnInvoice(BidOnInvoiceCommand.newBuilder().setInvestorId(id(investor.toString()))
                        .setInvoiceId(id(invoice)).setBid(money("12")).build());

        // Until Zipkin has the trace it answers 404 with words, not JSON: those polls are ignored too.
        await().atMost(SETTLING).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
            JsonNode spans = JSON.readTree(ManagementPorts.get(local.zipkinPort(), "/api/v2/trace/" + traceId));
            Set<String> services = new HashSet<>();
            Set<String> names = new HashSet<>();
            spans.forEach(span -> {
                services.add(span.path("localEndpoint").path("serviceName").asText());
                names.add(span.path("name").asText());
            });
            assertThat(services).containsExactlyInAnyOrder("listener-service", "financing-service", "relayer-service",
                    "query-service");
            assertThat(names).as("the bid, the invoice's decision, the release of the excess")
                    .contains("commands bidoninvoice", "saga bidoninvoiceplaced", "saga invoicefinanced");
        });
    }

    @Test
    void everyProjectionLagReturnsToZeroOnceAScenarioHasSettled() throws Exception {
        String invoice = onSaleForTen();
        bid(invoice, "10");
        awaitInvoice(invoice, InvoiceStatus.FINANCED);

        await().atMost(SETTLING).untilAsserted(() -> {
            List<PrometheusText.Sample> lag = metrics(local.management().query()).named("financing_projection_lag_events");
            assertThat(lag).extracting(sample -> sample.label("read_model"))
                    .containsExactlyInAnyOrder("command_statuses", "investors", "invoices", "issuers");
            assertThat(lag).allSatisfy(sample -> assertThat(sample.value()).isZero());
            assertThat(metrics(local.management().query()).named("financing_projection_lag_seconds"))
                    .allSatisfy(sample -> assertThat(sample.value()).isZero());
        });
    }

    @Test
    void aPoisonMessageRaisesTheDeadLetterCounterOfEachServiceThatConsumesIt() throws Exception {
        double financingBefore = deadLetters(local.management().financing(), "financing.events");
        double queryBefore = deadLetters(local.management().query(), "financing.events");

        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", system.kafka()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("financing.events", UUID.randomUUID().toString(), "not an event"))
                    .get(10, TimeUnit.SECONDS);
        }

        await().atMost(SETTLING).untilAsserted(() -> {
            assertThat(deadLetters(local.management().financing(), "financing.events")).isEqualTo(financingBefore + 1);
            assertThat(deadLetters(local.management().query(), "financing.events")).isEqualTo(queryBefore + 1);
        });
    }

    /**
     * A transaction that wrote an event and stays open holds back every event committed after it began. The
     * relayer that leads says so; when an earlier test left two, either may.
     */
    @Test
    void anOpenTransactionShowsInTheHoldBackAndTheLogNamesItAndBothClearWhenItEnds() throws Exception {
        String url = system.local().infrastructure().postgres().jdbcUrl(Infrastructure.EVENT_STORE_DATABASE);
        Map<ServiceProcess, Integer> logged = relayerLogLengths();
        try (Connection open = DriverManager.getConnection(url, local.databaseUser(), local.databasePassword())) {
            open.createStatement().execute("SET application_name = 'hold-back-test'");
            open.setAutoCommit(false);
            long pid = pidOf(open);
            open.createStatement().execute("""
                    INSERT INTO eventstore.events (event_id, stream_id, stream_type, version, name, data, metadata, occurred_at)
                    VALUES (gen_random_uuid(), gen_random_uuid(), 'Probe', 1, 'Probed', '{}', '{}', now())""");
            registerParties(); // the financing-service commits their events behind the open transaction

            await().atMost(SETTLING).untilAsserted(() -> {
                assertThat(holdBack()).isPositive();
                assertThat(relayerLogsSince(logged)).contains("held back for", "hold-back-test, pid " + pid);
            });
            open.rollback();
        }

        await().atMost(SETTLING).untilAsserted(() -> {
            assertThat(holdBack()).isZero();
            assertThat(relayerLogsSince(logged)).contains("events released after");
        });
    }

    /**
     * Each service writes its log itself, one JSON object (ECS) per line, into the file that its logging rolls: the
     * JVM's own output, which nothing rolls, holds none of it.
     */
    @Test
    void eachServiceWritesItsLogAsJsonLinesIntoItsOwnRolledFile() throws Exception {
        for (String name : List.of("listener-service", "financing-service", "query-service", "relayer-service",
                "console")) {
            ServiceProcess service = system.local().instancesOf(name).getFirst();
            List<String> lines = Files.readAllLines(service.logFile());

            assertThat(lines).as(name).anySatisfy(line -> assertThat(line).contains("Started"));
            for (String line : lines) {
                assertThat(JSON.readTree(line).has("@timestamp")).as("%s: %s", name, line).isTrue();
            }
            assertThat(Files.readString(service.outputFile())).as(name).doesNotContain("\"@timestamp\"");
        }
    }

    /** The hold-back the relayers report; one that is being started again reports none. */
    private double holdBack() throws Exception {
        double seconds = 0;
        for (ServiceProcess relayer : system.local().instancesOf("relayer-service")) {
            if (ManagementPorts.ready(relayer.spec().httpPort())) {
                seconds += metrics(relayer.spec().httpPort()).sum("financing_relay_holdback_seconds");
            }
        }
        return seconds;
    }

    private Map<ServiceProcess, Integer> relayerLogLengths() throws Exception {
        Map<ServiceProcess, Integer> lengths = new HashMap<>();
        for (ServiceProcess relayer : system.local().instancesOf("relayer-service")) {
            lengths.put(relayer, Files.readString(relayer.logFile()).length());
        }
        return lengths;
    }

    /** What each relayer logged since the lengths were taken: either may lead. */
    private String relayerLogsSince(Map<ServiceProcess, Integer> lengths) throws Exception {
        var logs = new StringBuilder();
        for (ServiceProcess relayer : system.local().instancesOf("relayer-service")) {
            logs.append(Files.readString(relayer.logFile()).substring(lengths.getOrDefault(relayer, 0)));
        }
        return logs.toString();
    }

    private static long pidOf(Connection connection) throws Exception {
        try (var result = connection.createStatement().executeQuery("SELECT pg_backend_pid()")) {
            result.next();
            return result.getLong(1);
        }
    }

    private double deadLetters(int port, String topic) throws Exception {
        return metrics(port).named("financing_dead_letters_total").stream()
                .filter(sample -> sample.label("topic").equals(topic)).mapToDouble(PrometheusText.Sample::value).sum();
    }

    private static PrometheusText metrics(int port) throws Exception {
        return ManagementPorts.metrics(port);
    }

    private void registerParties() throws Exception {
        try (var registering = new RegisteringPublisher(system.kafka(), "registering.events")) {
            registering.publish(List.of(new Registration.Issuer(issuer, "ACME"),
                    new Registration.Investor(investor, "Ann", new BigDecimal("100"))));
        }
    }

    private String onSaleForTen() throws Exception {
        registerParties();
        var queries = QueriesGrpc.newBlockingStub(queriesChannel);
        await().atMost(SETTLING).ignoreExceptions().until(() -> queries.getInvestor(id(investor.toString())).hasBalance());
        String invoice = CommandsGrpc.newBlockingStub(commandsChannel).sellInvoice(SellInvoiceCommand.newBuilder()
                .setIssuerId(id(issuer.toString())).setAskingPrice(money("10")).build()).getInvoiceId().getValue();
        awaitInvoice(invoice, InvoiceStatus.AVAILABLE);
        return invoice;
    }

    private void bid(String invoice, String amount) {
        CommandsGrpc.newBlockingStub(commandsChannel).bidOnInvoice(BidOnInvoiceCommand.newBuilder()
                .setInvestorId(id(investor.toString())).setInvoiceId(id(invoice)).setBid(money(amount)).build());
    }

    private void awaitInvoice(String invoice, InvoiceStatus status) {
        var queries = QueriesGrpc.newBlockingStub(queriesChannel);
        await().atMost(SETTLING).ignoreExceptions().until(() -> queries.getInvoice(id(invoice)).getStatus() == status);
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private static io.financing.api.v1.UUID id(String value) {
        return io.financing.api.v1.UUID.newBuilder().setValue(value).build();
    }

    private static Money money(String amount) {
        return Money.newBuilder().setAmount(amount).build();
    }
}

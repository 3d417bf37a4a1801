package io.financing.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.financing.api.v1.BidOnInvoiceCommand;
import io.financing.api.v1.CommandStatus;
import io.financing.api.v1.CommandStatusRequest;
import io.financing.api.v1.CommandsGrpc;
import io.financing.api.v1.Money;
import io.financing.api.v1.QueriesGrpc;
import io.financing.api.v1.UUID;
import io.financing.load.LoadMain;
import io.financing.localstack.Infrastructure;
import io.financing.grpc.edge.GrpcProbe;
import io.financing.localstack.LocalRun;
import io.financing.localstack.LocalSettings;
import io.financing.localstack.PostgresServer;
import io.financing.api.metrics.PrometheusText;
import io.financing.localstack.ServiceProcess;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Crashes and outages in the middle of a mixed load: bids from many investors, three to an invoice,
 * and the issuers approving or reversing each invoice as soon as it is financed. A fault strikes three
 * seconds into the bidding; the bids go on meanwhile. Once everything has settled, the load
 * generator's invariant check must pass: every accepted command has a final status, every investor's
 * money adds up to what was added (reserved and committed as the bus says), no invoice is financed
 * twice or by a bid no one placed, every rejected bid was released in full, and the query side shows
 * what the bus said. Then the read models must equal what the event store says, projected here on its own.
 *
 * <p>These take the local system's processes down, so they need the system this JVM started; against an
 * already running deployment (FINANCING_COMMANDS_ADDR set) they do not run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsAcceptanceTest {

    private static final Duration INTO_THE_BIDS = Duration.ofSeconds(3);
    /** How soon readiness and gRPC health follow an outage, and its end: a few checks of one second each. */
    private static final Duration OUTAGE_NOTICED = Duration.ofSeconds(20);
    private static final String[] MIXED_LOAD = {"--rate", "40", "--warm-up", "0", "--duration", "15",
            "--issuers", "3", "--investors", "20", "--invoices", "200", "--concurrency", "16", "--decisions"};

    private SystemUnderTest system;
    private LocalRun local;
    private ManagedChannel queries;

    @BeforeEach
    void localSystem() throws Exception {
        system = SystemUnderTest.get();
        Assumptions.assumeTrue(system.local() != null, "fault tests need the system this JVM starts");
        local = system.local();
        queries = system.queriesChannel();
    }

    @AfterEach
    void disconnect() {
        if (queries != null) {
            queries.shutdownNow();
        }
    }

    @Test
    @Order(1)
    void theFinancingServiceKilledMidLoadLosesNothing() throws Exception {
        underLoad(() -> local.service("financing-service").kill());
    }

    @Test
    @Order(2)
    void theRelayerKilledMidLoadLosesNothing() throws Exception {
        underLoad(() -> local.service("relayer-service").kill());
    }

    @Test
    @Order(3)
    void theQueryServiceKilledMidLoadCatchesUpExactly() throws Exception {
        underLoad(() -> local.service("query-service").kill());
    }

    @Test
    @Order(4)
    void whileKafkaIsDownTheListenerAnswersUnavailableAndEveryServiceReconnectsAfter() throws Exception {
        underLoad(() -> {
            local.infrastructure().stopKafka();
            long stopped = System.nanoTime();
            assertThatThrownBy(this::bid).isInstanceOfSatisfying(StatusRuntimeException.class,
                    refused -> assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
            await().atMost(OUTAGE_NOTICED).untilAsserted(() -> {
                assertThat(ManagementPorts.ready(management().listener())).as("the listener's readiness").isFalse();
                assertThat(grpcHealth(system.commandsAddress())).isEqualTo(ServingStatus.NOT_SERVING);
            });
            Thread.sleep(Math.max(0, Duration.ofSeconds(10).toMillis() - (System.nanoTime() - stopped) / 1_000_000));
            local.infrastructure().startKafka();
        });
        awaitEveryServiceReady();
    }

    @Test
    @Order(5)
    void postgresRestartedMidLoadLosesNothing() throws Exception {
        underLoad(() -> {
            local.infrastructure().stopPostgres();
            long stopped = System.nanoTime();
            await().atMost(OUTAGE_NOTICED).untilAsserted(() -> {
                assertThat(ManagementPorts.ready(management().query())).as("the query service's readiness").isFalse();
                assertThat(ManagementPorts.ready(management().financing())).as("the financing service's").isFalse();
                assertThat(ManagementPorts.ready(management().relayer())).as("the relayer's").isFalse();
                assertThat(grpcHealth(system.queriesAddress())).isEqualTo(ServingStatus.NOT_SERVING);
            });
            assertThatThrownBy(() -> QueriesGrpc.newBlockingStub(queries).withDeadlineAfter(30, TimeUnit.SECONDS)
                    .getInvoice(UUID.newBuilder().setValue(java.util.UUID.randomUUID().toString()).build()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, refused ->
                            assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
            Thread.sleep(Math.max(0, Duration.ofSeconds(5).toMillis() - (System.nanoTime() - stopped) / 1_000_000));
            local.infrastructure().startPostgres();
        });
        awaitEveryServiceReady();
    }

    /** The standby relayer it starts stays for the tests after it. */
    @Test
    @Order(6)
    void ofTwoRelayersTheActiveOneKilledTheOtherTakesOverAndLosesNothing() throws Exception {
        ServiceProcess standby = local.startAnother("relayer-service");
        await().atMost(Duration.ofSeconds(90)).until(() -> logOf(standby).contains("Started RelayerApplication"));
        assertThat(logOf(standby)).doesNotContain("leads from");

        underLoad(() -> local.service("relayer-service").kill());

        assertThat(logOf(standby)).contains("leads from");
    }

    /**
     * A watch open while the query service restarts: the client sees the stream fail with UNAVAILABLE, not hang, and
     * watches again once the service is back (the command, never sent, is UNKNOWN to both).
     */
    @Test
    @Order(7)
    void aWatchOpenWhileTheQueryServiceRestartsFailsUnavailableAndIsOpenedAgainAfter() {
        var request = CommandStatusRequest.newBuilder().setCommandId(java.util.UUID.randomUUID().toString()).build();
        var watch = QueriesGrpc.newBlockingStub(queries).withDeadlineAfter(120, TimeUnit.SECONDS).watchCommand(request);
        assertThat(watch.next().getStatus().getState()).isEqualTo(CommandStatus.State.UNKNOWN);

        local.service("query-service").stop(Duration.ofSeconds(30));

        assertThatThrownBy(watch::next).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
        awaitEveryServiceReady();
        assertThat(QueriesGrpc.newBlockingStub(queries).withDeadlineAfter(30, TimeUnit.SECONDS).watchCommand(request)
                .next().getStatus().getState()).isEqualTo(CommandStatus.State.UNKNOWN);
    }

    /**
     * Two of everything, as {@code ./financing up --instances 2} runs it, and one instance of each kind SIGKILLed in
     * the middle of the mixed load: a financing service, a query service, and the leading relayer (the standby of the
     * test before is the second). The partitions move to the instances left, and back when the supervisor has started
     * the killed ones again: every group ends with both members holding partitions, and no partition unread. Nothing
     * is lost (the invariants), nothing applied twice (no message's effects on a stream written by two
     * transactions), and the read models equal the store. Two financing services keep states of the same investors
     * (one by their commands, the other by the saga's steps for the invoices it holds): remembered states fall behind,
     * and each is read on from there (the {@code behind} count), never decided on alone. Last: the extra instances
     * are retired after it.
     */
    @Test
    @Order(8)
    void twoOfEachWithOneOfEachKindKilledMidLoadLoseNothingApplyNothingTwiceAndLeaveNoPartitionStuck()
            throws Exception {
        List<ServiceProcess> added = new ArrayList<>();
        if (local.instancesOf("relayer-service").size() < 2) {
            local.startAnother("relayer-service"); // stays, as the test before's does
        }
        try (var groups = new ConsumerGroups(system.kafka())) {
            // Each instance's consumers, one per listener thread (three by default): the second instance doubles them.
            Map<String, Integer> ofOne = ConsumerGroups.TOPICS.keySet().stream()
                    .collect(Collectors.toMap(group -> group, group -> 3));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(groups.membersWithPartitions())
                    .as("consumers holding partitions, of one instance").isEqualTo(ofOne));
            try {
                added.addAll(List.of(local.startAnother("financing-service"), local.startAnother("query-service")));
                await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(groups.membersWithPartitions())
                        .as("consumers holding partitions, of both instances").isEqualTo(twice(ofOne)));
                ServiceProcess leader = leadingRelayer();

                underLoad(() -> {
                    local.service("financing-service").kill();
                    Thread.sleep(2_000);
                    local.service("query-service-2").kill();
                    Thread.sleep(2_000);
                    leader.kill();
                });

                await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                    assertThat(groups.membersWithPartitions()).as("once the killed instances are back")
                            .isEqualTo(twice(ofOne));
                    assertThat(groups.unread()).as("partitions left unread").isEmpty();
                });
                assertThat(local.instancesOf("financing-service").stream().mapToDouble(FaultsAcceptanceTest::behind)
                        .sum()).as("loads whose remembered state another instance had moved past").isPositive();
            } finally {
                added.forEach(local::retire);
            }
            // The tests after this one find one of each again, its partitions settled.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(groups.membersWithPartitions())
                    .isEqualTo(ofOne));
        }
        assertThat(messagesAppliedTwice()).isEmpty();
    }

    private static Map<String, Integer> twice(Map<String, Integer> members) {
        return members.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, group -> 2 * group.getValue()));
    }

    private ServiceProcess leadingRelayer() {
        return await().atMost(Duration.ofSeconds(30)).until(() -> local.instancesOf("relayer-service").stream()
                .filter(relayer -> metric(relayer, "relayer_leader") == 1).findFirst().orElse(null),
                Objects::nonNull);
    }

    private static double behind(ServiceProcess financing) {
        return metric(financing, "financing_eventstore_recent_states_total", "result", "behind");
    }

    /** The sum of the samples of that metric the instance serves (with that label, if one is given); 0 if it is down. */
    private static double metric(ServiceProcess instance, String name, String... labelAndValue) {
        try {
            return ManagementPorts.metrics(instance.spec().httpPort()).named(name).stream()
                    .filter(sample -> labelAndValue.length == 0 || sample.label(labelAndValue[0]).equals(labelAndValue[1]))
                    .mapToDouble(PrometheusText.Sample::value).sum();
        } catch (IOException down) {
            return 0;
        }
    }

    /** Every message whose effects on one stream two transactions wrote: a redelivery that was not recognised. */
    private List<String> messagesAppliedTwice() throws Exception {
        String url = local.infrastructure().postgres().jdbcUrl(Infrastructure.EVENT_STORE_DATABASE);
        try (var connection = DriverManager.getConnection(url, PostgresServer.USER, "");
             var rows = connection.createStatement().executeQuery("""
                     SELECT stream_id, metadata->>'causationId' AS message, count(DISTINCT transaction_id) AS writes
                     FROM eventstore.events GROUP BY 1, 2 HAVING count(DISTINCT transaction_id) > 1""")) {
            List<String> twice = new ArrayList<>();
            while (rows.next()) {
                twice.add(rows.getString("message") + " on " + rows.getString("stream_id") + ": "
                        + rows.getInt("writes") + " transactions");
            }
            return twice;
        }
    }

    /** Runs the mixed load with the fault striking a few seconds into the bids, and checks the invariants after. */
    private void underLoad(Fault fault) throws Exception {
        List<String> broken = LoadMain.run(MIXED_LOAD, system.environment(), System.out, () -> {
            try {
                Thread.sleep(INTO_THE_BIDS.toMillis());
                fault.strike();
            } catch (Exception e) {
                throw new IllegalStateException("the fault could not be injected", e);
            }
        });
        assertThat(broken).isEmpty();
        var readModels = new ReadModelCheck(local.infrastructure().postgres().jdbcUrl(Infrastructure.EVENT_STORE_DATABASE),
                QueriesGrpc.newBlockingStub(queries));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(readModels.differences()).isEmpty());
    }

    /** A bid for parties no one registered: the listener checks its form, and answers once Kafka holds it. */
    private void bid() {
        var channel = system.commandsChannel();
        try {
            CommandsGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
                    .bidOnInvoice(BidOnInvoiceCommand.newBuilder()
                            .setInvestorId(UUID.newBuilder().setValue(java.util.UUID.randomUUID().toString()))
                            .setInvoiceId(UUID.newBuilder().setValue(java.util.UUID.randomUUID().toString()))
                            .setBid(Money.newBuilder().setAmount("1.00")).build());
        } finally {
            channel.shutdownNow();
        }
    }

    private LocalSettings.ManagementPorts management() {
        return local.settings().management();
    }

    private void awaitEveryServiceReady() {
        var ports = management();
        await().atMost(OUTAGE_NOTICED).untilAsserted(() -> {
            for (int port : new int[] {ports.listener(), ports.financing(), ports.relayer(), ports.query()}) {
                assertThat(ManagementPorts.ready(port)).as("readiness on %d", port).isTrue();
            }
            assertThat(grpcHealth(system.commandsAddress())).isEqualTo(ServingStatus.SERVING);
            assertThat(grpcHealth(system.queriesAddress())).isEqualTo(ServingStatus.SERVING);
        });
    }

    private ServingStatus grpcHealth(String address) {
        try (var probe = new GrpcProbe(system.clients().to(address))) {
            return probe.health("");
        }
    }

    private static String logOf(ServiceProcess service) throws Exception {
        return Files.exists(service.logFile()) ? Files.readString(service.logFile()) : "";
    }

    @FunctionalInterface
    private interface Fault {
        void strike() throws Exception;
    }
}

package io.financing.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.financing.api.access.Caller;
import io.financing.api.v1.AllInvoicesReply;
import io.financing.api.v1.Bid;
import io.financing.api.v1.CommandStatus;
import io.financing.api.v1.CommandStatusRequest;
import io.financing.api.v1.Investor;
import io.financing.api.v1.Invoice;
import io.financing.api.v1.InvoiceStatus;
import io.financing.api.v1.Money;
import io.financing.api.v1.PageRequest;
import io.financing.api.v1.QueriesGrpc;
import io.financing.eventstore.EventMetadata;
import io.financing.eventstore.EventStoreSchema;
import io.financing.eventstore.NewEvent;
import io.financing.eventstore.PostgresEventStore;
import io.financing.eventstore.StoredEvent;
import io.financing.grpc.edge.ClientChannels;
import io.financing.localstack.PostgresServer;
import io.financing.localstack.SharedInfrastructure;
import io.financing.localstack.Topics;
import io.financing.query.investor.InvestorRow;
import io.financing.query.investor.InvestorRows;
import io.financing.query.projection.EventReader;
import io.financing.query.projection.Projector;
import io.financing.query.rebuild.Rebuild;
import io.financing.relayer.Envelope;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcPort;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The query side driven as the whole system drives it: each event is stored in an event store and
 * published on the real {@code financing.events} in the relay's envelope; the answers come over gRPC.
 * Everything the read model holds is in the store, so a rebuild must give it back unchanged.
 */
@SpringBootTest(properties = "spring.grpc.server.port=0")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QueryServiceTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EventsOnTheBus.infrastructure(registry);
    }

    @LocalGrpcPort
    int port;
    @Autowired
    DataSource readModel;
    @Autowired
    Projector projector;
    @Autowired
    EventReader reader;
    @Autowired
    MeterRegistry meters;

    private final List<ManagedChannel> channels = new ArrayList<>();
    private ManagedChannel channel;

    /** The tests ask as an operator, who sees everything, unless they are about who sees what. */
    @BeforeEach
    void openChannel() {
        channel = channelAs(Caller.operator("tests"));
    }

    private ManagedChannel channelAs(Caller caller) {
        var opened = ClientChannels.plaintext().withToken(SharedInfrastructure.get().identity().token(caller))
                .to("localhost", port);
        channels.add(opened);
        return opened;
    }

    @AfterEach
    void closeChannel() {
        channels.forEach(ManagedChannel::shutdownNow);
    }

    private QueriesGrpc.QueriesBlockingStub queries() {
        return QueriesGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    private QueriesGrpc.QueriesBlockingStub queriesAs(Caller caller) {
        return QueriesGrpc.newBlockingStub(channelAs(caller)).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    private final UUID issuer = UUID.randomUUID();
    private final UUID ann = UUID.randomUUID();
    private final UUID invoice = UUID.randomUUID();

    @Test
    void aListWithNothingToShowIsEmptyWithNoNextPage() {
        var asNewcomer = queriesAs(Caller.investor(UUID.randomUUID()));
        assertThat(asNewcomer.allInvestors(PageRequest.getDefaultInstance()).getInvestorsList()).isEmpty();
        assertThat(asNewcomer.allInvestors(PageRequest.getDefaultInstance()).getNextPageToken()).isEmpty();
    }

    @Test
    void twoInvoicesOnSaleAreAvailableWithoutBids() {
        UUID second = UUID.randomUUID();
        issuerCreated();

        onSale(invoice, "10");
        onSale(second, "25.5");

        assertThat(awaitInvoice(invoice)).isEqualTo(Invoice.newBuilder().setId(id(invoice)).setIssuerId(id(issuer))
                .setAskingPrice(money("10.00")).setStatus(InvoiceStatus.AVAILABLE).build());
        assertThat(awaitInvoice(second).getAskingPrice()).isEqualTo(money("25.50"));
        assertThat(awaitInvoice(second).hasWinningBid()).isFalse();
    }

    @Test
    void theFinancedFlowShowsTheWinningBidAndTheInvestorsMoneyAtEachStep() {
        investorCreated("100");
        assertThat(awaitInvestor(ann, "100.00", "0.00", "0.00")).isNotNull();
        issuerCreated();
        onSale(invoice, "10");

        append("Investor", ann, "BidOnInvoicePlaced",
                "{\"investorId\":\"%s\",\"invoiceId\":\"%s\",\"bidAmount\":\"20.00\"}".formatted(ann, invoice));
        awaitInvestor(ann, "80.00", "20.00", "0.00");
        append("Invoice", invoice, "InvoiceFinanced", financing("InvoiceFinanced"));
        append("Investor", ann, "InvestorFundsReleased", "{\"investorId\":\"%s\",\"amount\":\"10.00\"}".formatted(ann));

        awaitInvestor(ann, "90.00", "10.00", "0.00");
        Invoice financed = awaitInvoice(invoice, InvoiceStatus.FINANCED);
        assertThat(financed.getWinningBid()).isEqualTo(Bid.newBuilder().setInvestorId(id(ann))
                .setAmount(money("20.00")).build());
    }

    @Test
    void anApprovedInvoiceIsApprovedAndItsMoneyCommitted() {
        financed();

        append("Invoice", invoice, "InvoiceApproved", financing("InvoiceApproved"));
        append("Investor", ann, "InvestorFundsCommitted", "{\"investorId\":\"%s\",\"amount\":\"10.00\"}".formatted(ann));

        awaitInvoice(invoice, InvoiceStatus.APPROVED);
        awaitInvestor(ann, "90.00", "0.00", "10.00");
    }

    @Test
    void aReversedInvoiceIsReversedAndItsMoneyReleased() {
        financed();

        append("Invoice", invoice, "InvoiceReversed", financing("InvoiceReversed"));
        append("Investor", ann, "InvestorFundsReleased", "{\"investorId\":\"%s\",\"amount\":\"10.00\"}".formatted(ann));

        awaitInvoice(invoice, InvoiceStatus.REVERSED);
        awaitInvestor(ann, "100.00", "0.00", "0.00");
    }

    @Test
    void theSameEventsDeliveredTwiceGiveTheSameReadModel() {
        investorCreated("100");
        List<StoredEvent> placed = append("Investor", ann, "BidOnInvoicePlaced",
                "{\"investorId\":\"%s\",\"invoiceId\":\"%s\",\"bidAmount\":\"30.00\"}".formatted(ann, invoice));
        awaitInvestor(ann, "70.00", "30.00", "0.00");

        EventsOnTheBus.store().read(ann, 1).forEach(EventsOnTheBus::publish); // everything again
        placed.forEach(EventsOnTheBus::publish);
        append("Investor", ann, "InvestorFundsReleased", "{\"investorId\":\"%s\",\"amount\":\"30.00\"}".formatted(ann));

        awaitInvestor(ann, "100.00", "0.00", "0.00");
    }

    @Test
    void aWriterBehindTheRowCannotTakeItBack(@Autowired InvestorRows investors) {
        investorCreated("100");
        awaitInvestor(ann, "100.00", "0.00", "0.00");
        InvestorRow readBefore = investors.findById(ann).orElseThrow(); // as an instance that then lost the partition
        append("Investor", ann, "BidOnInvoicePlaced",
                "{\"investorId\":\"%s\",\"invoiceId\":\"%s\",\"bidAmount\":\"30.00\"}".formatted(ann, invoice));
        awaitInvestor(ann, "70.00", "30.00", "0.00");

        investors.saveAll(List.of(readBefore));

        assertThat(investors.findById(ann).orElseThrow().version()).isEqualTo(3);
        awaitInvestor(ann, "70.00", "30.00", "0.00");
    }

    @Test
    void commandStatusesTellSuccessWithEventsOrRejectionWithTheReason() {
        UUID succeeded = UUID.randomUUID();
        UUID rejected = UUID.randomUUID();
        UUID event = UUID.randomUUID();

        append("Command", succeeded, "CommandSucceeded",
                "{\"commandId\":\"%s\",\"command\":\"SellInvoice\",\"eventIds\":[\"%s\"]}".formatted(succeeded, event));
        append("Command", rejected, "CommandRejected",
                "{\"commandId\":\"%s\",\"command\":\"SellInvoice\",\"reason\":\"Issuer x is not registered\"}"
                        .formatted(rejected));

        assertThat(awaitStatus(succeeded)).isEqualTo(CommandStatus.newBuilder().setCommandId(succeeded.toString())
                .setState(CommandStatus.State.SUCCEEDED).addEventIds(event.toString()).build());
        assertThat(awaitStatus(rejected).getReason()).isEqualTo("Issuer x is not registered");
        assertThat(queries().getCommandStatus(CommandStatusRequest.newBuilder()
                .setCommandId(UUID.randomUUID().toString()).build()).getState()).isEqualTo(CommandStatus.State.UNKNOWN);
    }

    @Test
    void anUnreadableMessageGoesToTheDeadLettersAndTheEventsAfterItAreStillProjected() throws Exception {
        String poison = "{not an envelope " + UUID.randomUUID();
        EventsOnTheBus.producer().send(new ProducerRecord<>("financing.events", invoice.toString(), poison)).get();
        issuerCreated();
        onSale(invoice, "10"); // the same key, so the same partition, after the poison

        assertThat(awaitInvoice(invoice).getStatus()).isEqualTo(InvoiceStatus.AVAILABLE);
        await().atMost(Duration.ofSeconds(30)).until(() -> Topics.readAll(
                SharedInfrastructure.get().kafka().bootstrapServers(), "financing.events.query-service.DLT")
                .stream().anyMatch(record -> record.value().equals(poison)));
    }

    @Test
    void anEventOfANameThisVersionDoesNotKnowIsSkippedAndCountedAndItsStreamGoesOn() {
        investorCreated("100");
        issuerCreated();
        onSale(invoice, "10");
        append("Invoice", invoice, "InvoiceRepainted", "{\"colour\": \"red\"}");
        append("Invoice", invoice, "InvoiceFinanced", financing("InvoiceFinanced"));

        assertThat(awaitInvoice(invoice, InvoiceStatus.FINANCED).getWinningBid().getAmount()).isEqualTo(money("20.00"));
        assertThat(meters.counter("financing.events.unknown", "name", "InvoiceRepainted").count()).isEqualTo(1);
    }

    @Test
    void aPartySeesInvoicesIssuersItsOwnInvestorRowAndItsOwnCommandsAndAnOperatorEverything() {
        UUID bob = UUID.randomUUID();
        investorCreated("100");
        append("Investor", bob, "InvestorCreated", "{\"investorId\":\"%s\"}".formatted(bob));
        issuerCreated();
        onSale(invoice, "10");
        UUID annsCommand = UUID.randomUUID();
        append("Command", annsCommand, "CommandSucceeded", ("{\"commandId\":\"%s\",\"command\":\"BidOnInvoice\","
                + "\"issuedBy\":{\"role\":\"investor\",\"subject\":\"%s\"},\"eventIds\":[]}").formatted(annsCommand, ann));
        awaitInvoice(invoice);
        awaitInvestor(ann, "100.00", "0.00", "0.00");
        awaitStatus(annsCommand);
        var request = CommandStatusRequest.newBuilder().setCommandId(annsCommand.toString()).build();

        var asAnn = queriesAs(Caller.investor(ann));
        assertThat(asAnn.getInvestor(id(ann)).getBalance()).isEqualTo(money("100.00"));
        assertThat(asAnn.allInvestors(PageRequest.getDefaultInstance()).getInvestorsList())
                .extracting(Investor::getId).containsExactly(id(ann));
        assertThat(asAnn.getInvoice(id(invoice)).getIssuerId()).isEqualTo(id(issuer));
        assertThat(asAnn.allInvoices(PageRequest.getDefaultInstance()).getInvoicesList()).isNotEmpty();
        assertThat(asAnn.allIssuers(PageRequest.getDefaultInstance()).getIssuersList()).isNotEmpty();
        assertThat(asAnn.getCommandStatus(request).getState()).isEqualTo(CommandStatus.State.SUCCEEDED);
        // Another investor's row, whether that investor exists or not: the same refusal.
        assertDenied(() -> asAnn.getInvestor(id(bob)));
        assertDenied(() -> asAnn.getInvestor(id(UUID.randomUUID())));

        var asBob = queriesAs(Caller.investor(bob));
        assertDenied(() -> asBob.getCommandStatus(request));
        var asIssuer = queriesAs(Caller.issuer(issuer));
        assertThat(asIssuer.allInvestors(PageRequest.getDefaultInstance()).getInvestorsList()).isEmpty();
        assertDenied(() -> asIssuer.getInvestor(id(ann)));
        assertThat(queries().allInvestors(PageRequest.getDefaultInstance()).getInvestorsList())
                .extracting(Investor::getId).contains(id(ann), id(bob));
        assertThatThrownBy(() -> QueriesGrpc.newBlockingStub(ClientChannels.plaintext().to("localhost", port))
                .getInvoice(id(invoice)))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e ->
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    }

    private static void assertDenied(Runnable query) {
        assertThatThrownBy(query::run).isInstanceOfSatisfying(StatusRuntimeException.class, e ->
                assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
    }

    @Test
    void unknownIdsAreNotFoundAndMalformedOnesInvalid() {
        assertThatThrownBy(() -> queries().getInvoice(id(UUID.randomUUID())))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        assertThatThrownBy(() -> queries().getInvestor(io.financing.api.v1.UUID.newBuilder().setValue("nope").build()))
                .hasMessageStartingWith("INVALID_ARGUMENT: value must be a UUID");
        assertThatThrownBy(() -> queries().allInvoices(PageRequest.newBuilder().setPageSize(1001).build()))
                .hasMessageStartingWith("INVALID_ARGUMENT: page_size");
        assertThatThrownBy(() -> queries().allInvoices(PageRequest.newBuilder().setPageToken("forged").build()))
                .hasMessageStartingWith("INVALID_ARGUMENT: page_token");
        assertThatThrownBy(() -> queries().getCommandStatus(CommandStatusRequest.newBuilder().setCommandId("x").build()))
                .hasMessageStartingWith("INVALID_ARGUMENT: command_id");
    }

    @Test
    @Order(100)
    void pagesOfAThousandGiveEveryInvoiceOnceInOrderOfCreation() {
        issuerCreated();
        List<UUID> created = IntStream.range(0, 2_500).mapToObj(i -> UUID.randomUUID()).toList();
        created.forEach(id -> onSale(id, "1"));
        await().atMost(Duration.ofSeconds(60)).until(() -> allInvoices().containsAll(created));

        List<UUID> listed = allInvoices();

        assertThat(listed).doesNotHaveDuplicates();
        assertThat(listed.stream().filter(created::contains).toList()).containsExactlyElementsOf(created);
    }

    @Test
    @Order(200)
    void aRebuildFromTheStoreGivesTheSameReadModel() {
        financed();
        awaitInvestor(ann, "90.00", "10.00", "0.00");
        var before = readModel();

        long events = new Rebuild(readModel, EventsOnTheBus.eventStore(), projector, reader).run();

        assertThat(events).isEqualTo(storedEvents());
        assertThat(readModel()).isEqualTo(before);
    }

    // The read model, whole

    private record ReadModel(List<Investor> investors, List<Invoice> invoices, List<String> issuers) {
    }

    private ReadModel readModel() {
        var investors = queries().allInvestors(PageRequest.getDefaultInstance()).getInvestorsList();
        List<Invoice> invoices = new ArrayList<>();
        String token = "";
        do {
            AllInvoicesReply page = queries().allInvoices(PageRequest.newBuilder().setPageToken(token).build());
            invoices.addAll(page.getInvoicesList());
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        var issuers = queries().allIssuers(PageRequest.getDefaultInstance()).getIssuersList().stream()
                .map(i -> i.getId().getValue()).toList();
        return new ReadModel(investors, invoices, issuers);
    }

    private List<UUID> allInvoices() {
        return readModel().invoices().stream().map(i -> UUID.fromString(i.getId().getValue())).toList();
    }

    private static long storedEvents() {
        Long count = new JdbcTemplate(EventsOnTheBus.eventStore())
                .queryForObject("SELECT count(*) FROM eventstore.events", Long.class);
        return count == null ? 0 : count;
    }

    // Givens, stored and published

    private void issuerCreated() {
        append("Issuer", issuer, "IssuerCreated", "{\"issuerId\":\"%s\"}".formatted(issuer));
    }

    private void investorCreated(String balance) {
        append("Investor", ann, "InvestorCreated", "{\"investorId\":\"%s\"}".formatted(ann));
        append("Investor", ann, "InvestorFundsAdded", "{\"investorId\":\"%s\",\"amount\":\"%s\"}".formatted(ann, balance));
    }

    private void onSale(UUID id, String askingPrice) {
        append("Invoice", id, "InvoiceCreated", "{\"invoiceId\":\"%s\",\"issuerId\":\"%s\",\"askingPrice\":\"%s\"}"
                .formatted(id, issuer, askingPrice));
    }

    private void financed() {
        investorCreated("100");
        issuerCreated();
        onSale(invoice, "10");
        append("Investor", ann, "BidOnInvoicePlaced",
                "{\"investorId\":\"%s\",\"invoiceId\":\"%s\",\"bidAmount\":\"20.00\"}".formatted(ann, invoice));
        append("Invoice", invoice, "InvoiceFinanced", financing("InvoiceFinanced"));
        append("Investor", ann, "InvestorFundsReleased", "{\"investorId\":\"%s\",\"amount\":\"10.00\"}".formatted(ann));
        awaitInvoice(invoice, InvoiceStatus.FINANCED);
    }

    private String financing(String name) {
        return "{\"invoiceId\":\"%s\",\"askingPrice\":\"10.00\",\"bid\":{\"investorId\":\"%s\",\"amount\":\"20.00\"}}"
                .formatted(invoice, ann);
    }

    private static List<StoredEvent> append(String type, UUID aggregate, String name, String data) {
        return EventsOnTheBus.append(type, aggregate, name, data, EventMetadata.causedBy(UUID.randomUUID()));
    }

    // Answers

    private Invoice awaitInvoice(UUID id) {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> queries().getInvoice(id(id)) != null);
        return queries().getInvoice(id(id));
    }

    private Invoice awaitInvoice(UUID id, InvoiceStatus status) {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> queries().getInvoice(id(id)).getStatus() == status);
        return queries().getInvoice(id(id));
    }

    private Investor awaitInvestor(UUID id, String balance, String reserved, String committed) {
        Investor expected = Investor.newBuilder().setId(id(id)).setBalance(money(balance)).setReserved(money(reserved))
                .setCommitted(money(committed)).build();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> queries().getInvestor(id(id)).equals(expected));
        return expected;
    }

    private CommandStatus awaitStatus(UUID command) {
        var request = CommandStatusRequest.newBuilder().setCommandId(command.toString()).build();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> queries().getCommandStatus(request).getState() != CommandStatus.State.UNKNOWN);
        return queries().getCommandStatus(request);
    }

    private static io.financing.api.v1.UUID id(UUID id) {
        return io.financing.api.v1.UUID.newBuilder().setValue(id.toString()).build();
    }

    private static Money money(String amount) {
        return Money.newBuilder().setAmount(amount).build();
    }
}

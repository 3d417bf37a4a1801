package io.financing.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.financing.api.access.Caller;
import io.financing.api.v1.ApproveFinancingCommand;
import io.financing.api.v1.Bid;
import io.financing.api.v1.BidOnInvoiceCommand;
import io.financing.api.v1.CommandStatus;
import io.financing.api.v1.CommandStatusRequest;
import io.financing.api.v1.CommandsGrpc;
import io.financing.api.v1.Investor;
import io.financing.api.v1.Invoice;
import io.financing.api.v1.InvoiceStatus;
import io.financing.api.v1.Money;
import io.financing.api.v1.QueriesGrpc;
import io.financing.api.v1.ReverseFinancingCommand;
import io.financing.api.v1.SellInvoiceCommand;
import io.financing.populate.RegisteringPublisher;
import io.financing.populate.Registration;
import io.grpc.ManagedChannel;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The system as its users see it: parties registered through the Registering context's events,
 * commands through the listener's gRPC API, domain events on {@code financing.events}, answers from
 * the query service's gRPC API. Nothing inside is touched.
 */
class FinancingAcceptanceTest {

    private static final Duration SETTLING = Duration.ofSeconds(60);

    private SystemUnderTest system;
    private ManagedChannel commandsChannel;
    private ManagedChannel queriesChannel;
    private CommandsGrpc.CommandsBlockingStub commands;
    private QueriesGrpc.QueriesBlockingStub queries;
    private EventBus bus;
    private final List<ManagedChannel> partiesChannels = new ArrayList<>();

    private final UUID issuer = UUID.randomUUID();
    private final UUID ann = UUID.randomUUID();

    @BeforeEach
    void connect() throws Exception {
        system = SystemUnderTest.get();
        commandsChannel = system.commandsChannel();
        queriesChannel = system.queriesChannel();
        commands = CommandsGrpc.newBlockingStub(commandsChannel).withDeadlineAfter(30, TimeUnit.SECONDS);
        queries = QueriesGrpc.newBlockingStub(queriesChannel);
        bus = new EventBus(system.kafka());
    }

    @AfterEach
    void disconnect() {
        commandsChannel.shutdownNow();
        queriesChannel.shutdownNow();
        partiesChannels.forEach(ManagedChannel::shutdownNow);
    }

    @Test
    void aBidAboveTheAskingPriceFinancesTheInvoiceReleasesTheExcessAndApprovalCommitsIt() throws Exception {
        String invoice = onSaleForTen();

        bid(ann, invoice, "20");

        awaitInvestor(ann, "90.00", "10.00", "0.00");
        Invoice financed = awaitInvoice(invoice, InvoiceStatus.FINANCED);
        assertThat(financed.getWinningBid()).isEqualTo(Bid.newBuilder().setInvestorId(id(ann.toString()))
                .setAmount(money("20.00")).build());
        assertThat(bus.names(ann.toString())).containsExactly("InvestorCreated", "InvestorFundsAdded",
                "BidOnInvoicePlaced", "InvestorFundsReleased");

        String approval = commands.approveFinancing(ApproveFinancingCommand.newBuilder().setInvoiceId(id(invoice))
                .build()).getCommandId();

        awaitInvoice(invoice, InvoiceStatus.APPROVED);
        awaitInvestor(ann, "90.00", "0.00", "10.00");
        assertThat(awaitStatus(approval).getState()).isEqualTo(CommandStatus.State.SUCCEEDED);
        await().atMost(SETTLING).until(() -> bus.names(invoice).equals(
                List.of("InvoiceCreated", "InvoiceFinanced", "InvoiceApproved")));
    }

    @Test
    void aBidBelowTheAskingPriceIsRejectedAndReleasedInFull() throws Exception {
        String invoice = onSaleForTen();

        bid(ann, invoice, "5");

        await().atMost(SETTLING).until(() -> bus.names(ann.toString()).equals(List.of("InvestorCreated",
                "InvestorFundsAdded", "BidOnInvoicePlaced", "InvestorFundsReleased")));
        awaitInvestor(ann, "100.00", "0.00", "0.00");
        assertThat(bus.names(invoice)).containsExactly("InvoiceCreated", "BidOnInvoiceRejected");
        assertThat(awaitInvoice(invoice, InvoiceStatus.AVAILABLE).hasWinningBid()).isFalse();
    }

    @Test
    void reversingAFinancedInvoiceGivesTheInvestorsMoneyBack() throws Exception {
        String invoice = onSaleForTen();
        bid(ann, invoice, "10");
        awaitInvoice(invoice, InvoiceStatus.FINANCED);

        commands.reverseFinancing(ReverseFinancingCommand.newBuilder().setInvoiceId(id(invoice)).build());

        awaitInvoice(invoice, InvoiceStatus.REVERSED);
        awaitInvestor(ann, "100.00", "0.00", "0.00");
        await().atMost(SETTLING).until(() -> bus.names(invoice).equals(
                List.of("InvoiceCreated", "InvoiceFinanced", "InvoiceReversed")));
        assertThat(bus.names(ann.toString())).containsExactly("InvestorCreated", "InvestorFundsAdded",
                "BidOnInvoicePlaced", "InvestorFundsReleased");
        assertThat(bus.names(issuer.toString())).containsExactly("IssuerCreated");
    }

    @Test
    void rejectedCommandsSayWhy() throws Exception {
        register(new Registration.Investor(ann, "Ann", new BigDecimal("100")));
        awaitInvestor(ann, "100.00", "0.00", "0.00");
        String unknownIssuer = UUID.randomUUID().toString();

        String sale = commands.sellInvoice(SellInvoiceCommand.newBuilder().setIssuerId(id(unknownIssuer))
                .setAskingPrice(money("10")).build()).getCommandId();
        String invoice = onSaleForTen();
        String tooMuch = bid(ann, invoice, "100.01");

        assertThat(awaitStatus(sale).getReason()).isEqualTo("Issuer " + unknownIssuer + " is not registered");
        CommandStatus rejected = awaitStatus(tooMuch);
        assertThat(rejected.getState()).isEqualTo(CommandStatus.State.REJECTED);
        assertThat(rejected.getReason()).isEqualTo("Investor " + ann + " has 100.00 available, bid was 100.01");
    }

    @Test
    void malformedCommandsAreRefusedAtTheDoorNamingTheField() {
        assertThatThrownBy(() -> commands.bidOnInvoice(BidOnInvoiceCommand.newBuilder()
                .setInvestorId(id(ann.toString())).setInvoiceId(id("not-a-uuid")).setBid(money("1e5")).build()))
                .hasMessageContaining("INVALID_ARGUMENT")
                .hasMessageContaining("invoice_id.value")
                .hasMessageContaining("bid.amount");
    }

    /**
     * Each party with its own token, as a real client holds it: the issuer sells, the investor bids, another issuer's
     * approval is REJECTED by the invoice with its reason (and that issuer reads its own command's status), and the
     * invoice's own issuer approves it.
     */
    @Test
    void eachPartyActsForItselfAndADecisionByAnotherIssuerIsRejectedWithItsReason() throws Exception {
        Assumptions.assumeTrue(system.local() != null, "mints the parties' tokens with the local run's identity");
        UUID another = UUID.randomUUID();
        register(new Registration.Issuer(issuer, "ACME"), new Registration.Issuer(another, "Other"),
                new Registration.Investor(ann, "Ann", new BigDecimal("100")));
        awaitInvestor(ann, "100.00", "0.00", "0.00");
        String invoice = commandsAs(Caller.issuer(issuer)).sellInvoice(SellInvoiceCommand
                .newBuilder().setIssuerId(id(issuer.toString())).setAskingPrice(money("10")).build())
                .getInvoiceId().getValue();
        commandsAs(Caller.investor(ann)).bidOnInvoice(BidOnInvoiceCommand.newBuilder()
                .setInvestorId(id(ann.toString())).setInvoiceId(id(invoice)).setBid(money("10")).build());
        awaitInvoice(invoice, InvoiceStatus.FINANCED);

        var approval = ApproveFinancingCommand.newBuilder().setInvoiceId(id(invoice)).build();
        String byAnother = commandsAs(Caller.issuer(another)).approveFinancing(approval)
                .getCommandId();
        var request = CommandStatusRequest.newBuilder().setCommandId(byAnother).build();
        var anothersQueries = queriesAs(Caller.issuer(another));
        await().atMost(SETTLING).until(() -> anothersQueries.getCommandStatus(request).getState()
                != CommandStatus.State.UNKNOWN);

        assertThat(anothersQueries.getCommandStatus(request).getState()).isEqualTo(CommandStatus.State.REJECTED);
        assertThat(anothersQueries.getCommandStatus(request).getReason())
                .isEqualTo("Issuer " + another + " is not the issuer of invoice " + invoice);
        assertThat(bus.names(invoice)).containsExactly("InvoiceCreated", "InvoiceFinanced");
        commandsAs(Caller.issuer(issuer)).approveFinancing(approval);
        awaitInvoice(invoice, InvoiceStatus.APPROVED);
        assertThatThrownBy(() -> commandsAs(Caller.investor(ann)).approveFinancing(approval))
                .hasMessageStartingWith("PERMISSION_DENIED");
    }

    private CommandsGrpc.CommandsBlockingStub commandsAs(Caller caller) {
        return CommandsGrpc.newBlockingStub(channelAs(caller, system.commandsAddress()))
                .withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    private QueriesGrpc.QueriesBlockingStub queriesAs(Caller caller) {
        return QueriesGrpc.newBlockingStub(channelAs(caller, system.queriesAddress()));
    }

    /** A channel whose calls carry that caller's token, of the local run's identity. */
    private ManagedChannel channelAs(Caller caller, String address) {
        var channel = system.clients().withToken(system.local().infrastructure().identity().token(caller)).to(address);
        partiesChannels.add(channel);
        return channel;
    }

    // Steps

    private String onSaleForTen() throws Exception {
        register(new Registration.Issuer(issuer, "ACME"), new Registration.Investor(ann, "Ann", new BigDecimal("100")));
        awaitInvestor(ann, "100.00", "0.00", "0.00");
        String invoice = commands.sellInvoice(SellInvoiceCommand.newBuilder().setIssuerId(id(issuer.toString()))
                .setAskingPrice(money("10")).build()).getInvoiceId().getValue();
        awaitInvoice(invoice, InvoiceStatus.AVAILABLE);
        return invoice;
    }

    private String bid(UUID investor, String invoice, String amount) {
        return commands.bidOnInvoice(BidOnInvoiceCommand.newBuilder().setInvestorId(id(investor.toString()))
                .setInvoiceId(id(invoice)).setBid(money(amount)).build()).getCommandId();
    }

    private void register(Registration... parties) throws Exception {
        try (var registering = new RegisteringPublisher(system.kafka(), "registering.events")) {
            registering.publish(List.of(parties));
        }
    }

    // Answers

    private Invoice awaitInvoice(String id, InvoiceStatus status) {
        await().atMost(SETTLING).ignoreExceptions().until(() -> queries.getInvoice(id(id)).getStatus() == status);
        return queries.getInvoice(id(id));
    }

    private void awaitInvestor(UUID id, String balance, String reserved, String committed) {
        Investor expected = Investor.newBuilder().setId(id(id.toString())).setBalance(money(balance))
                .setReserved(money(reserved)).setCommitted(money(committed)).build();
        await().atMost(SETTLING).ignoreExceptions().until(() -> queries.getInvestor(id(id.toString())).equals(expected));
    }

    private CommandStatus awaitStatus(String commandId) {
        var request = CommandStatusRequest.newBuilder().setCommandId(commandId).build();
        await().atMost(SETTLING).until(() -> queries.getCommandStatus(request).getState() != CommandStatus.State.UNKNOWN);
        return queries.getCommandStatus(request);
    }

    private static io.financing.api.v1.UUID id(String value) {
        return io.financing.api.v1.UUID.newBuilder().setValue(value).build();
    }

    private static Money money(String amount) {
        return Money.newBuilder().setAmount(amount).build();
    }
}

package io.financing.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.financing.api.v1.ApproveFinancingCommand;
import io.financing.api.v1.Bid;
import io.financing.api.v1.BidOnInvoiceCommand;
import io.financing.api.v1.CausedEvent;
import io.financing.api.v1.CommandProgress;
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
import io.financing.load.LoadMain;
import io.financing.populate.RegisteringPublisher;
import io.financing.populate.Registration;
import io.grpc.ManagedChannel;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * WatchCommand as a client uses it: a command followed from before it is sent until it is settled, its events in
 * causal order, and the read models showing all of them the moment it says settled, with no waiting: read your
 * own writes, under load too.
 */
class WatchCommandAcceptanceTest {

    private static final Duration SETTLING = Duration.ofSeconds(60);

    private SystemUnderTest system;
    private ManagedChannel commandsChannel;
    private ManagedChannel queriesChannel;

    private final UUID issuer = UUID.randomUUID();
    private final UUID ann = UUID.randomUUID();

    @BeforeEach
    void connect() throws Exception {
        system = SystemUnderTest.get();
        commandsChannel = system.commandsChannel();
        queriesChannel = system.queriesChannel();
    }

    @AfterEach
    void disconnect() {
        commandsChannel.shutdownNow();
        queriesChannel.shutdownNow();
    }

    @Test
    void eachKindOfCommandIsSettledWithWhatItCausedAndTheReadModelsAlreadyShowIt() throws Exception {
        registered(issuer, ann, "100");

        String sale = UUID.randomUUID().toString();
        Iterator<CommandProgress> saleProgress = watch(sale);
        assertThat(saleProgress.next().getStatus().getState()).as("watched before it was sent")
                .isEqualTo(CommandStatus.State.UNKNOWN);
        String invoice = commands().sellInvoice(sale(issuer).setCommandId(sale).build()).getInvoiceId().getValue();
        assertThat(namesWhenSettled(saleProgress)).containsExactly("InvoiceCreated");
        assertThat(queries().getInvoice(id(invoice)).getStatus()).isEqualTo(InvoiceStatus.AVAILABLE);

        assertThat(namesWhenSettled(watch(bid(ann, invoice, "20")))).containsExactly("BidOnInvoicePlaced",
                "InvoiceFinanced", "InvestorFundsReleased");
        assertThat(queries().getInvoice(id(invoice)).getWinningBid()).isEqualTo(bid(ann, "20.00"));
        assertThat(queries().getInvestor(id(ann))).isEqualTo(investor(ann, "90.00", "10.00", "0.00"));

        String approval = commands().approveFinancing(ApproveFinancingCommand.newBuilder().setInvoiceId(id(invoice))
                .build()).getCommandId();
        assertThat(namesWhenSettled(watch(approval))).containsExactly("InvoiceApproved", "InvestorFundsCommitted");
        assertThat(queries().getInvoice(id(invoice)).getStatus()).isEqualTo(InvoiceStatus.APPROVED);
        assertThat(queries().getInvestor(id(ann))).isEqualTo(investor(ann, "90.00", "0.00", "10.00"));

        // As a client would: a bid waits until its invoice is on sale (the sale and the bid go by different partitions).
        String secondSale = UUID.randomUUID().toString();
        Iterator<CommandProgress> secondSaleProgress = watch(secondSale);
        String second = commands().sellInvoice(sale(issuer).setCommandId(secondSale).build()).getInvoiceId().getValue();
        assertThat(namesWhenSettled(secondSaleProgress)).containsExactly("InvoiceCreated");
        assertThat(namesWhenSettled(watch(bid(ann, second, "10")))).containsExactly("BidOnInvoicePlaced",
                "InvoiceFinanced");
        String reversal = commands().reverseFinancing(ReverseFinancingCommand.newBuilder().setInvoiceId(id(second))
                .build()).getCommandId();
        assertThat(namesWhenSettled(watch(reversal))).containsExactly("InvoiceReversed", "InvestorFundsReleased");
        assertThat(queries().getInvoice(id(second)).getStatus()).isEqualTo(InvoiceStatus.REVERSED);
        assertThat(queries().getInvestor(id(ann))).isEqualTo(investor(ann, "90.00", "0.00", "10.00"));

        String thirdSale = UUID.randomUUID().toString();
        Iterator<CommandProgress> thirdSaleProgress = watch(thirdSale);
        String third = commands().sellInvoice(sale(issuer).setCommandId(thirdSale).build()).getInvoiceId().getValue();
        assertThat(namesWhenSettled(thirdSaleProgress)).containsExactly("InvoiceCreated");
        assertThat(namesWhenSettled(watch(bid(ann, third, "5")))).containsExactly("BidOnInvoicePlaced",
                "BidOnInvoiceRejected", "InvestorFundsReleased");
        assertThat(queries().getInvestor(id(ann))).isEqualTo(investor(ann, "90.00", "0.00", "10.00"));

        CommandProgress rejected = settled(watch(bid(ann, third, "90.01")));
        assertThat(rejected.getStatus().getState()).isEqualTo(CommandStatus.State.REJECTED);
        assertThat(rejected.getStatus().getReason()).isEqualTo("Investor " + ann + " has 90.00 available, bid was 90.01");
        assertThat(rejected.getEventsList()).isEmpty();
    }

    /**
     * While the load generator bids, a few investors of their own bid one after the other (above, at and below the
     * asking price, on invoices of their own), and read their invoice and themselves the moment each bid is settled.
     */
    @Test
    void underLoadEveryReadRightAfterSettledShowsTheBid() throws Exception {
        // Threads of their own: the common pool may have one thread on two cores, which the load would hold.
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        var load = CompletableFuture.supplyAsync(() -> {
            try {
                return LoadMain.run(new String[]{"--rate", "60", "--warm-up", "0", "--duration", "15", "--issuers", "3",
                        "--investors", "20", "--invoices", "200", "--concurrency", "16", "--watch-every", "1"},
                        system.environment(), System.out);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, threads);
        List<ReadsOfOwnWrites> checkers = IntStream.range(0, 3).mapToObj(i -> new ReadsOfOwnWrites()).toList();
        for (ReadsOfOwnWrites checker : checkers) {
            registered(checker.issuer, checker.investor, "10000");
        }
        var checking = checkers.stream()
                .map(checker -> CompletableFuture.runAsync(() -> checker.bidUntil(load), threads)).toList();

        assertThat(load.get(5, TimeUnit.MINUTES)).as("the load's invariants").isEmpty();
        checking.forEach(CompletableFuture::join);
        long reads = checkers.stream().mapToLong(checker -> checker.reads.get()).sum();
        List<String> stale = checkers.stream().flatMap(checker -> checker.stale.stream()).toList();
        System.out.printf("reads right after settled: %d, stale: %d%n", reads, stale.size());
        threads.shutdown();
        assertThat(reads).isGreaterThan(30);
        assertThat(stale).isEmpty();
    }

    /** One investor of its own bidding on invoices of its own issuer, and what it must read after each bid. */
    private final class ReadsOfOwnWrites {
        final UUID issuer = UUID.randomUUID();
        final UUID investor = UUID.randomUUID();
        final AtomicLong reads = new AtomicLong();
        final List<String> stale = new ArrayList<>();
        private BigDecimal balance = new BigDecimal("10000.00");
        private BigDecimal reserved = new BigDecimal("0.00");

        void bidUntil(CompletableFuture<?> load) {
            while (!load.isDone()) {
                String sale = UUID.randomUUID().toString();
                Iterator<CommandProgress> onSale = watch(sale);
                String invoice = commands().sellInvoice(sale(issuer).setCommandId(sale).build()).getInvoiceId().getValue();
                settled(onSale);
                check("the invoice on sale", queries().getInvoice(id(invoice)).getStatus() == InvoiceStatus.AVAILABLE);
                String amount = List.of("12.50", "10.00", "7.00").get(ThreadLocalRandom.current().nextInt(3));
                settled(watch(bid(investor, invoice, amount)));
                boolean wins = new BigDecimal(amount).compareTo(BigDecimal.TEN) >= 0;
                if (wins) {
                    balance = balance.subtract(BigDecimal.TEN);
                    reserved = reserved.add(BigDecimal.TEN);
                }
                Invoice shown = queries().getInvoice(id(invoice));
                check("the invoice after a bid of " + amount, wins
                        ? shown.getStatus() == InvoiceStatus.FINANCED && shown.getWinningBid().equals(bid(investor,
                        new BigDecimal(amount).setScale(2).toPlainString()))
                        : shown.getStatus() == InvoiceStatus.AVAILABLE);
                check("the investor after a bid of " + amount, queries().getInvestor(id(investor)).equals(
                        investor(investor, balance.toPlainString(), reserved.toPlainString(), "0.00")));
            }
        }

        private void check(String what, boolean fresh) {
            reads.incrementAndGet();
            if (!fresh) {
                stale.add(what + " of " + investor);
            }
        }
    }

    // Steps

    /** A deadline for each call: a stub's deadline runs from when it was made. */
    private CommandsGrpc.CommandsBlockingStub commands() {
        return CommandsGrpc.newBlockingStub(commandsChannel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    private QueriesGrpc.QueriesBlockingStub queries() {
        return QueriesGrpc.newBlockingStub(queriesChannel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    private void registered(UUID issuer, UUID investor, String balance) throws Exception {
        try (var registering = new RegisteringPublisher(system.kafka(), "registering.events")) {
            registering.publish(List.of(new Registration.Issuer(issuer, "ACME"),
                    new Registration.Investor(investor, "Ann", new BigDecimal(balance))));
        }
        await().atMost(SETTLING).ignoreExceptions().until(() -> queries().getInvestor(id(investor))
                .equals(investor(investor, new BigDecimal(balance).setScale(2).toPlainString(), "0.00", "0.00")));
    }

    private static SellInvoiceCommand.Builder sale(UUID issuer) {
        return SellInvoiceCommand.newBuilder().setIssuerId(id(issuer)).setAskingPrice(money("10"));
    }

    private String bid(UUID investor, String invoice, String amount) {
        return commands().bidOnInvoice(BidOnInvoiceCommand.newBuilder().setInvestorId(id(investor))
                .setInvoiceId(id(invoice)).setBid(money(amount)).build()).getCommandId();
    }

    // Watching

    private Iterator<CommandProgress> watch(String commandId) {
        return QueriesGrpc.newBlockingStub(queriesChannel).withDeadlineAfter(SETTLING.toSeconds(), TimeUnit.SECONDS)
                .watchCommand(CommandStatusRequest.newBuilder().setCommandId(commandId).build());
    }

    /**
     * The progress until it is settled: each message lists what the one before listed and more, only the last says
     * settled, and the stream completes after it.
     */
    private static CommandProgress settled(Iterator<CommandProgress> progress) {
        CommandProgress now = progress.next();
        while (!now.getSettled()) {
            CommandProgress next = progress.next();
            assertThat(next.getEventsList().subList(0, now.getEventsCount())).isEqualTo(now.getEventsList());
            now = next;
        }
        assertThat(progress.hasNext()).as("the stream completes once settled").isFalse();
        return now;
    }

    private static List<String> namesWhenSettled(Iterator<CommandProgress> progress) {
        CommandProgress settled = settled(progress);
        assertThat(settled.getStatus().getState()).isEqualTo(CommandStatus.State.SUCCEEDED);
        return settled.getEventsList().stream().map(CausedEvent::getName).toList();
    }

    private static Investor investor(UUID id, String balance, String reserved, String committed) {
        return Investor.newBuilder().setId(id(id)).setBalance(money(balance)).setReserved(money(reserved))
                .setCommitted(money(committed)).build();
    }

    private static Bid bid(UUID investor, String amount) {
        return Bid.newBuilder().setInvestorId(id(investor)).setAmount(money(amount)).build();
    }

    private static io.financing.api.v1.UUID id(UUID value) {
        return id(value.toString());
    }

    private static io.financing.api.v1.UUID id(String value) {
        return io.financing.api.v1.UUID.newBuilder().setValue(value).build();
    }

    private static Money money(String amount) {
        return Money.newBuilder().setAmount(amount).build();
    }
}

package io.financing.load;

import io.financing.api.v1.AllIssuersReply;
import io.financing.api.v1.QueriesGrpc;
import io.financing.populate.RegisteringPublisher;
import io.financing.populate.Registration;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * One run of the load generator, in phases: register the parties, sell the invoices, bid for the
 * given time, wait until every bid has settled, check the invariants. Only public interfaces are used.
 */
final class LoadRun implements AutoCloseable {

    private static final long SETTLE_NANOS = 300_000_000_000L;

    private final LoadSettings settings;
    private final ManagedChannel commandsChannel;
    private final ManagedChannel queriesChannel;
    private final QueriesGrpc.QueriesBlockingStub queries;
    private final Commands selling;
    private final Commands warming;
    private final Commands bidding;
    private final ServiceProcesses services;
    private final Progress progress = new Progress();
    private final Runnable duringBids;

    /**
     * @param duringBids run on its own thread as the measured bidding starts, and awaited before the
     *                   invariants are checked: what the system must withstand meanwhile (a crash, an outage)
     */
    LoadRun(LoadSettings settings, Runnable duringBids) {
        this.settings = settings;
        this.duringBids = duringBids;
        this.commandsChannel = settings.clients().to(settings.commandsAddress());
        this.queriesChannel = settings.clients().to(settings.queriesAddress());
        this.queries = QueriesGrpc.newBlockingStub(queriesChannel);
        this.selling = new Commands(commandsChannel, settings.concurrency());
        this.warming = new Commands(commandsChannel, settings.concurrency());
        this.bidding = new Commands(commandsChannel, settings.concurrency());
        this.services = new ServiceProcesses(settings.home());
    }

    Report run() throws Exception {
        return settings.listenerOnly() ? listenerOnly() : wholePipeline();
    }

    /** Bids from investors no one registered on invoices no one sold: the listener accepts what is well formed. */
    private Report listenerOnly() throws InterruptedException {
        List<UUID> investors = ids(settings.investors());
        List<UUID> invoices = ids(settings.invoices());
        bid("warming up: ", investors, invoices, warming, null, null, settings.warmUpSeconds(), 0);
        var usageBefore = services.usage();
        Bids bids = bid("", investors, invoices, bidding, null, null, settings.durationSeconds(), 0);
        return Report.ofListener(settings, bids, bidding, usageBefore, services.usage());
    }

    private Report wholePipeline() throws Exception {
        Decisions decisions = settings.decisions() ? new Decisions(new Commands(commandsChannel, settings.concurrency())) : null;
        try (var readModels = new ReadModelProgress(settings.kafkaBootstrap());
             var bus = new Bus(settings.kafkaBootstrap(), decisions == null ? invoice -> { } : decisions::financed,
                     readModels);
             var probe = new QueryProbe(queriesChannel);
             var watches = new Watches(queriesChannel, settings.watchEvery())) {
            List<UUID> issuers = ids(settings.issuers());
            Map<UUID, BigDecimal> investors = new LinkedHashMap<>();
            ids(settings.investors()).forEach(id -> investors.put(id, settings.balance()));
            register(issuers, investors);
            List<UUID> invoices = sell(issuers, bus);
            List<UUID> bidders = new ArrayList<>(investors.keySet());
            watches.idle(settings.idleWatches());
            Bids warmUp = bid("warming up: ", bidders, invoices, warming, null, null, settings.warmUpSeconds(), 0);
            var usageBefore = services.usage();
            CompletableFuture<Void> fault = CompletableFuture.runAsync(duringBids, runnable -> new Thread(runnable, "during-bids").start());
            Bids bids = bid("", bidders, invoices, bidding, probe, watches, settings.durationSeconds(),
                    warmUp.commands().size());
            List<String> broken = new ArrayList<>(settle(bus, bids, decisions));
            var usageAfter = services.usage(); // until every bid measured has settled: its whole cost
            fault.join();
            progress.phase("checking the invariants");
            Set<String> accepted = new HashSet<>(selling.accepted.keySet());
            accepted.addAll(warming.accepted.keySet());
            accepted.addAll(bidding.accepted.keySet());
            if (decisions != null) {
                accepted.addAll(decisions.commands.accepted.keySet());
            }
            broken.addAll(new Invariants(queriesChannel).check(accepted, investors, invoices, bus, settings.askingPrice()));
            probe.close();
            watches.close();
            return Report.of(settings, bids, bidding, bus, readModels, probe, watches, usageBefore, usageAfter, broken);
        }
    }

    /** Waits until every accepted bid is financed or released, then every decision taken on the bus. */
    private List<String> settle(Bus bus, Bids bids, Decisions decisions) throws InterruptedException {
        progress.phase("settling: waiting until every accepted bid is financed or released");
        List<String> unsettled = Stream.concat(warming.accepted.keySet().stream(), bidding.accepted.keySet().stream())
                .filter(id -> bus.settledAt(id) == null).toList();
        if (!awaitUntil(() -> unsettled.stream().allMatch(id -> bus.settledAt(id) != null),
                SETTLE_NANOS, () -> bids.settledLine(bus, bidding))) {
            return List.of(unsettled.stream().filter(id -> bus.settledAt(id) == null).count()
                    + " accepted bids neither financed nor released after " + SETTLE_NANOS / 1_000_000_000 + " s");
        }
        if (decisions == null) {
            return List.of();
        }
        progress.phase("settling: approving or reversing the last invoices financed");
        decisions.close();
        if (!awaitUntil(() -> decisions.settled(bus), SETTLE_NANOS, () -> bus.decisions.size() + " invoices decided")) {
            return List.of("accepted decisions not all on the bus after " + SETTLE_NANOS / 1_000_000_000 + " s");
        }
        return List.of();
    }

    private void register(List<UUID> issuers, Map<UUID, BigDecimal> investors) throws Exception {
        progress.phase("registering " + issuers.size() + " issuers and " + investors.size() + " investors");
        List<Registration> registrations = new ArrayList<>();
        issuers.forEach(id -> registrations.add(new Registration.Issuer(id, "Issuer " + id.toString().substring(0, 8))));
        investors.forEach((id, balance) -> registrations.add(new Registration.Investor(id, "Investor "
                + id.toString().substring(0, 8), balance)));
        try (var publisher = new RegisteringPublisher(settings.kafkaBootstrap(), "registering.events")) {
            publisher.publish(registrations);
        }
        require(awaitUntil(() -> allIssuers().containsAll(issuers)
                && investors.keySet().stream().allMatch(this::exists), SETTLE_NANOS, () -> "registered parties not all visible yet"),
                "the registered parties never all became visible in the query service");
    }

    private List<UUID> sell(List<UUID> issuers, Bus bus) throws InterruptedException {
        progress.phase("selling " + settings.invoices() + " invoices at " + settings.askingPrice());
        var invoices = new AtomicReferenceArray<UUID>(settings.invoices());
        List<String> sells = new ArrayList<>();
        for (int i = 0; i < settings.invoices(); i++) {
            int n = i;
            String command = UUID.randomUUID().toString();
            sells.add(command);
            selling.awaitSlot();
            selling.sell(command, issuers.get(i % issuers.size()), settings.askingPrice().toPlainString(),
                    invoice -> invoices.set(n, invoice));
        }
        selling.drain();
        require(awaitUntil(() -> sells.stream().allMatch(bus.invoiceCreated::containsKey), SETTLE_NANOS,
                () -> bus.invoiceCreated.size() + " of " + sells.size() + " invoices created"), "invoices were never all created");
        List<UUID> sold = IntStream.range(0, invoices.length()).mapToObj(invoices::get).toList();
        if (sold.contains(null)) {
            throw new IllegalStateException(selling.refused.get() + " SellInvoice commands were refused");
        }
        return sold;
    }

    /**
     * Bids at the set rate (or as fast as the calls in flight allow) for {@code seconds}, each invoice
     * getting {@code bidsPerInvoice} bids from random investors, of its asking price (the first to be
     * processed finances it, the others are rejected and released) or of random amounts around it. Bid number
     * {@code first} goes to the invoice after the last one's. With a probe, the first bid on each invoice is
     * watched on the query side; with watches, a sample of the bids is followed through WatchCommand. At a set rate, each bid's acceptance is timed from when the schedule meant to
     * send it (open loop).
     */
    private Bids bid(String phase, List<UUID> investors, List<UUID> invoices, Commands commands, QueryProbe probe,
                     Watches watches, int seconds, long first) throws InterruptedException {
        progress.phase(phase + "bidding for " + seconds + " s at "
                + (settings.rate() > 0 ? settings.rate() + " bids/s" : "full speed") + ", "
                + settings.concurrency() + " calls in flight at most"
                + (settings.randomAmounts() ? ", random amounts" : ""));
        var bids = new Bids(System.nanoTime());
        long end = bids.start() + seconds * 1_000_000_000L;
        for (long i = 0, n = first; System.nanoTime() < end; i++, n++) {
            long intended = System.nanoTime();
            if (settings.rate() > 0) {
                intended = bids.start() + (long) (i * 1e9 / settings.rate());
                LockSupport.parkNanos(intended - System.nanoTime());
            }
            UUID invoice = invoices.get((int) (n / settings.bidsPerInvoice() % invoices.size()));
            UUID investor = investors.get(ThreadLocalRandom.current().nextInt(investors.size()));
            String command = UUID.randomUUID().toString();
            bids.commands().add(command);
            boolean firstOnInvoice = n % settings.bidsPerInvoice() == 0;
            commands.awaitSlot();
            commands.bid(command, investor, invoice, amount(), intended, () -> {
                if (firstOnInvoice && probe != null) {
                    probe.watch(invoice, System.nanoTime());
                }
                if (watches != null) {
                    watches.accepted(command);
                }
            });
            progress.every(() -> bids.sentLine(commands));
        }
        commands.drain();
        bids.finished(System.nanoTime());
        return bids;
    }

    /** The asking price, or with random amounts from 10 % under it to 20 % over it, to the cent. */
    private String amount() {
        if (!settings.randomAmounts()) {
            return settings.askingPrice().toPlainString();
        }
        double factor = 0.9 + 0.3 * ThreadLocalRandom.current().nextDouble();
        return settings.askingPrice().multiply(BigDecimal.valueOf(factor)).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private Set<UUID> allIssuers() {
        Set<UUID> ids = new HashSet<>();
        Pages.all(queries::allIssuers, AllIssuersReply::getIssuersList, AllIssuersReply::getNextPageToken)
                .forEach(issuer -> ids.add(UUID.fromString(issuer.getId().getValue())));
        return ids;
    }

    private boolean exists(UUID investor) {
        try {
            queries.getInvestor(Ids.proto(investor));
            return true;
        } catch (StatusRuntimeException notYet) {
            return false;
        }
    }

    /** Whether the condition came true within the patience given, with progress meanwhile. */
    private boolean awaitUntil(BooleanSupplier condition, long patienceNanos, Supplier<String> state)
            throws InterruptedException {
        long deadline = System.nanoTime() + patienceNanos;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            progress.every(state);
            Thread.sleep(50);
        }
        return true;
    }

    private static void require(boolean done, String otherwise) {
        if (!done) {
            throw new IllegalStateException("gave up: " + otherwise);
        }
    }

    private static List<UUID> ids(int count) {
        return IntStream.range(0, count).mapToObj(i -> UUID.randomUUID()).toList();
    }

    @Override
    public void close() {
        commandsChannel.shutdownNow();
        queriesChannel.shutdownNow();
    }
}

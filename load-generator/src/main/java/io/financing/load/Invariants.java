package io.financing.load;

import io.financing.api.v1.CommandStatus;
import io.financing.api.v1.CommandStatusRequest;
import io.financing.api.v1.Investor;
import io.financing.api.v1.Invoice;
import io.financing.api.v1.InvoiceStatus;
import io.financing.api.v1.QueriesGrpc;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The rules of DESIGN.md, checked from outside once the system has settled: a fast run that loses a
 * command or a cent fails. The query side is eventually consistent, so each check is retried for a
 * while before it counts as broken.
 */
final class Invariants {

    private static final long PATIENCE_NANOS = 60_000_000_000L;

    private final QueriesGrpc.QueriesBlockingStub queries;

    Invariants(ManagedChannel channel) {
        this.queries = QueriesGrpc.newBlockingStub(channel);
    }

    /** Every broken rule, in words; empty when all hold. */
    List<String> check(Collection<String> acceptedCommands, Map<UUID, BigDecimal> fundsAdded, List<UUID> invoices,
                       Bus bus, BigDecimal askingPrice) {
        List<String> broken = new ArrayList<>();
        broken.addAll(patiently(() -> commandsWithoutFinalStatus(acceptedCommands)));
        broken.addAll(patiently(() -> moneyNotConserved(fundsAdded, bus, askingPrice)));
        broken.addAll(patiently(() -> invoicesWrong(invoices, bus)));
        broken.addAll(patiently(() -> rejectedNotReleased(bus)));
        return broken;
    }

    /** The check until it passes or its patience runs out; a query service that does not answer (yet) fails it meanwhile. */
    private static List<String> patiently(Supplier<List<String>> check) {
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        List<String> broken = checked(check);
        while (!broken.isEmpty() && System.nanoTime() < deadline) {
            sleep();
            broken = checked(check);
        }
        return broken;
    }

    private static List<String> checked(Supplier<List<String>> check) {
        try {
            return check.get();
        } catch (StatusRuntimeException e) {
            return List.of("the query service answered " + e.getStatus());
        }
    }

    private List<String> commandsWithoutFinalStatus(Collection<String> commands) {
        long lost = commands.parallelStream()
                .filter(id -> queries.getCommandStatus(CommandStatusRequest.newBuilder().setCommandId(id).build())
                        .getState() == CommandStatus.State.UNKNOWN)
                .count();
        return lost == 0 ? List.of() : List.of(lost + " of " + commands.size() + " accepted commands have no final status");
    }

    /**
     * balance + reserved + committed = funds added, none negative; reserved = the asking prices of the
     * invoices the investor won and no one decided on yet, committed = those of the ones approved.
     */
    private List<String> moneyNotConserved(Map<UUID, BigDecimal> fundsAdded, Bus bus, BigDecimal askingPrice) {
        List<String> broken = new ArrayList<>();
        Map<String, Long> undecided = wonBy(bus, decision -> decision == null);
        Map<String, Long> approved = wonBy(bus, InvoiceStatus.APPROVED::equals);
        fundsAdded.forEach((id, added) -> {
            Investor investor = queries.getInvestor(Ids.proto(id));
            BigDecimal balance = new BigDecimal(investor.getBalance().getAmount());
            BigDecimal reserved = new BigDecimal(investor.getReserved().getAmount());
            BigDecimal committed = new BigDecimal(investor.getCommitted().getAmount());
            BigDecimal expectedReserved = askingPrice.multiply(BigDecimal.valueOf(undecided.getOrDefault(id.toString(), 0L)));
            BigDecimal expectedCommitted = askingPrice.multiply(BigDecimal.valueOf(approved.getOrDefault(id.toString(), 0L)));
            if (balance.add(reserved).add(committed).compareTo(added) != 0 || balance.signum() < 0
                    || reserved.compareTo(expectedReserved) != 0 || committed.compareTo(expectedCommitted) != 0) {
                broken.add("investor " + id + ": balance " + balance + " + reserved " + reserved + " + committed "
                        + committed + " should be " + added + ", reserved " + expectedReserved + ", committed "
                        + expectedCommitted);
            }
        });
        return broken;
    }

    /** How many invoices each investor won whose decision on the bus (null: none yet) passes the test. */
    private static Map<String, Long> wonBy(Bus bus, Predicate<InvoiceStatus> decision) {
        return bus.winningBids.entrySet().stream()
                .filter(won -> decision.test(bus.decisions.get(won.getKey())))
                .collect(Collectors.groupingBy(won -> won.getValue().investorId(), Collectors.counting()));
    }

    /** Every bid its invoice rejected was released in full, for that bid. */
    private static List<String> rejectedNotReleased(Bus bus) {
        List<String> broken = new ArrayList<>();
        bus.rejected.forEach((bid, amount) -> {
            BigDecimal released = bus.released.getOrDefault(bid, BigDecimal.ZERO);
            if (released.compareTo(amount) != 0) {
                broken.add("bid " + bid + " was rejected for " + amount + " and released " + released);
            }
        });
        return broken;
    }

    /**
     * Financed at most once on the bus, by a bid that investor placed on it; the query side shows each
     * invoice as the bus left it (available, financed, approved or reversed), won by the same investor.
     */
    private List<String> invoicesWrong(List<UUID> invoices, Bus bus) {
        List<String> broken = new ArrayList<>();
        bus.financings.forEach((invoice, times) -> {
            if (times > 1) {
                broken.add("invoice " + invoice + " financed " + times + " times");
            }
        });
        bus.winningBids.forEach((invoice, bid) -> {
            if (!bus.placedBids.getOrDefault(invoice, Set.of()).contains(bid)) {
                broken.add("invoice " + invoice + " financed by " + bid + ", a bid no BidOnInvoicePlaced placed");
            }
        });
        for (UUID id : invoices) {
            Bus.Bid winningBid = bus.winningBids.get(id.toString());
            String winner = winningBid == null ? null : winningBid.investorId();
            Invoice invoice;
            try {
                invoice = queries.getInvoice(Ids.proto(id));
            } catch (StatusRuntimeException e) {
                broken.add("invoice " + id + ": " + e.getStatus().getCode());
                continue;
            }
            InvoiceStatus expected = statusOnBus(bus, id.toString());
            if (invoice.getStatus() != expected
                    || winner != null && !invoice.getWinningBid().getInvestorId().getValue().equals(winner)) {
                broken.add("invoice " + id + " is " + invoice.getStatus() + " in the query service, " + expected
                        + " on the bus, won by " + winner);
            }
        }
        return broken;
    }

    private static InvoiceStatus statusOnBus(Bus bus, String invoice) {
        InvoiceStatus decision = bus.decisions.get(invoice);
        if (decision != null) {
            return decision;
        }
        return bus.winningBids.containsKey(invoice) ? InvoiceStatus.FINANCED : InvoiceStatus.AVAILABLE;
    }

    private static void sleep() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

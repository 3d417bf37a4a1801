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
import java.util.UUID;
import java.util.function.Function;
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
        return broken;
    }

    private static List<String> patiently(Supplier<List<String>> check) {
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        List<String> broken = check.get();
        while (!broken.isEmpty() && System.nanoTime() < deadline) {
            sleep();
            broken = check.get();
        }
        return broken;
    }

    private List<String> commandsWithoutFinalStatus(Collection<String> commands) {
        long lost = commands.parallelStream()
                .filter(id -> queries.getCommandStatus(CommandStatusRequest.newBuilder().setCommandId(id).build())
                        .getState() == CommandStatus.State.UNKNOWN)
                .count();
        return lost == 0 ? List.of() : List.of(lost + " of " + commands.size() + " accepted commands have no final status");
    }

    /** balance + reserved + committed = funds added, none negative; reserved = what the investor won. */
    private List<String> moneyNotConserved(Map<UUID, BigDecimal> fundsAdded, Bus bus, BigDecimal askingPrice) {
        List<String> broken = new ArrayList<>();
        Map<String, Long> invoicesWon = bus.winners.values().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        fundsAdded.forEach((id, added) -> {
            Investor investor = queries.getInvestor(Ids.proto(id));
            BigDecimal balance = new BigDecimal(investor.getBalance().getAmount());
            BigDecimal reserved = new BigDecimal(investor.getReserved().getAmount());
            BigDecimal committed = new BigDecimal(investor.getCommitted().getAmount());
            BigDecimal expectedReserved = askingPrice.multiply(BigDecimal.valueOf(invoicesWon.getOrDefault(id.toString(), 0L)));
            if (balance.add(reserved).add(committed).compareTo(added) != 0 || balance.signum() < 0
                    || reserved.signum() < 0 || committed.signum() < 0 || reserved.compareTo(expectedReserved) != 0) {
                broken.add("investor " + id + ": balance " + balance + " + reserved " + reserved + " + committed "
                        + committed + " should be " + added + ", reserved " + expectedReserved);
            }
        });
        return broken;
    }

    /** Financed at most once on the bus, and the query side shows exactly those, won by the same investor. */
    private List<String> invoicesWrong(List<UUID> invoices, Bus bus) {
        List<String> broken = new ArrayList<>();
        bus.financings.forEach((invoice, times) -> {
            if (times > 1) {
                broken.add("invoice " + invoice + " financed " + times + " times");
            }
        });
        for (UUID id : invoices) {
            String winner = bus.winners.get(id.toString());
            Invoice invoice;
            try {
                invoice = queries.getInvoice(Ids.proto(id));
            } catch (StatusRuntimeException e) {
                broken.add("invoice " + id + ": " + e.getStatus().getCode());
                continue;
            }
            boolean financed = invoice.getStatus() == InvoiceStatus.FINANCED;
            if (financed != (winner != null)
                    || financed && !invoice.getWinningBid().getInvestorId().getValue().equals(winner)) {
                broken.add("invoice " + id + " is " + invoice.getStatus() + " in the query service, financed on the bus by "
                        + winner);
            }
        }
        return broken;
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

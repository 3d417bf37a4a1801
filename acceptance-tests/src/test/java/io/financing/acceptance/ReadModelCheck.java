package io.financing.acceptance;

import io.financing.api.v1.AllInvestorsReply;
import io.financing.api.v1.AllInvoicesReply;
import io.financing.api.v1.Investor;
import io.financing.api.v1.Invoice;
import io.financing.api.v1.QueriesGrpc;
import io.financing.load.Pages;
import io.financing.localstack.PostgresServer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The query service's read models against a projection of the event store made here, independently of
 * the query service's code: from the stored events, by the rules of DESIGN.md, what every investor holds
 * and where every invoice stands. Any difference is a read model that lost, doubled or misread an event.
 */
final class ReadModelCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String eventStoreUrl;
    private final QueriesGrpc.QueriesBlockingStub queries;

    ReadModelCheck(String eventStoreUrl, QueriesGrpc.QueriesBlockingStub queries) {
        this.eventStoreUrl = eventStoreUrl;
        this.queries = queries;
    }

    /** Every difference, in words; empty when the read models are exactly what the store says. */
    List<String> differences() throws SQLException {
        Map<String, String> expected = new HashMap<>();
        project(expected);
        Map<String, String> served = new HashMap<>();
        investors().forEach(investor -> served.put(investor.getId().getValue(), describe(investor)));
        invoices().forEach(invoice -> served.put(invoice.getId().getValue(), describe(invoice)));
        List<String> differences = new ArrayList<>();
        expected.forEach((id, state) -> {
            if (!state.equals(served.get(id))) {
                differences.add(id + ": the store says " + state + ", the query service " + served.get(id));
            }
        });
        served.keySet().stream().filter(id -> !expected.containsKey(id))
                .forEach(id -> differences.add(id + ": served, but not in the store"));
        return differences;
    }

    /** Each investor and invoice of the store, described as {@link #describe} describes what is served. */
    private void project(Map<String, String> expected) throws SQLException {
        Map<String, BigDecimal[]> money = new HashMap<>();
        Map<String, String[]> invoices = new HashMap<>();
        try (Connection store = DriverManager.getConnection(eventStoreUrl, PostgresServer.USER, "");
             var events = store.prepareStatement("SELECT stream_id, name, data::text FROM eventstore.events "
                     + "WHERE stream_type IN ('Investor', 'Invoice') ORDER BY stream_id, version").executeQuery()) {
            while (events.next()) {
                String id = events.getString(1);
                JsonNode data = JSON.readTree(events.getString(3));
                switch (events.getString(2)) {
                    case "InvestorCreated" -> money.put(id, new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
                    case "InvestorFundsAdded" -> move(money.get(id), null, 0, data.path("amount"));
                    case "BidOnInvoicePlaced" -> move(money.get(id), 0, 1, data.path("bidAmount"));
                    case "InvestorFundsReleased" -> move(money.get(id), 1, 0, data.path("amount"));
                    case "InvestorFundsCommitted" -> move(money.get(id), 1, 2, data.path("amount"));
                    case "InvoiceCreated" -> invoices.put(id, new String[]{"AVAILABLE", data.path("issuerId").asString(),
                            amount(data.path("askingPrice")), ""});
                    case "InvoiceFinanced" -> {
                        invoices.get(id)[0] = "FINANCED";
                        invoices.get(id)[3] = data.path("bid").path("investorId").asString() + " "
                                + amount(data.path("bid").path("amount"));
                    }
                    case "InvoiceApproved" -> invoices.get(id)[0] = "APPROVED";
                    case "InvoiceReversed" -> invoices.get(id)[0] = "REVERSED";
                    default -> {
                    }
                }
            }
        }
        money.forEach((id, parts) -> expected.put(id, "balance " + amount(parts[0]) + ", reserved " + amount(parts[1])
                + ", committed " + amount(parts[2])));
        invoices.forEach((id, state) -> expected.put(id, String.join(", ", state)));
    }

    /** Moves the amount from one part of an investor's money to another (from null: money added). */
    private static void move(BigDecimal[] parts, Integer from, int to, JsonNode amount) {
        BigDecimal value = new BigDecimal(amount.asString());
        if (from != null) {
            parts[from] = parts[from].subtract(value);
        }
        parts[to] = parts[to].add(value);
    }

    private static String describe(Investor investor) {
        return "balance " + amount(investor.getBalance().getAmount()) + ", reserved "
                + amount(investor.getReserved().getAmount()) + ", committed " + amount(investor.getCommitted().getAmount());
    }

    private static String describe(Invoice invoice) {
        String winningBid = invoice.hasWinningBid() ? invoice.getWinningBid().getInvestorId().getValue() + " "
                + amount(invoice.getWinningBid().getAmount().getAmount()) : "";
        return String.join(", ", invoice.getStatus().name(), invoice.getIssuerId().getValue(),
                amount(invoice.getAskingPrice().getAmount()), winningBid);
    }

    private static String amount(JsonNode amount) {
        return amount(amount.asString());
    }

    private static String amount(String amount) {
        return amount(new BigDecimal(amount));
    }

    private static String amount(BigDecimal amount) {
        return Objects.requireNonNull(amount).setScale(2).toPlainString();
    }

    private List<Investor> investors() {
        return Pages.all(queries::allInvestors, AllInvestorsReply::getInvestorsList, AllInvestorsReply::getNextPageToken);
    }

    private List<Invoice> invoices() {
        return Pages.all(queries::allInvoices, AllInvoicesReply::getInvoicesList, AllInvoicesReply::getNextPageToken);
    }
}

package io.financing.console.aggregate;

import io.financing.api.v1.Invoice;
import io.financing.api.v1.Investor;
import io.financing.api.v1.PageRequest;
import io.financing.api.v1.QueriesGrpc.QueriesBlockingStub;
import io.financing.api.v1.UUID;
import io.financing.console.Calls;
import io.grpc.Status;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * An aggregate's row in the read models, as the query service answers it to any client, field by field, under the
 * names {@link RowChanges} gives.
 */
@Component
class ReadModelRows {

    /** How many pages of issuers are looked through for one: the query service has no GetIssuer. */
    private static final int ISSUER_PAGES = 20;

    private final QueriesBlockingStub queries;
    private final Calls calls;

    ReadModelRows(QueriesBlockingStub queries, Calls calls) {
        this.queries = queries;
        this.calls = calls;
    }

    /** @throws io.grpc.StatusRuntimeException NOT_FOUND when there is no such row (yet), or as the call failed */
    Map<String, String> row(String type, java.util.UUID id) {
        return switch (type) {
            case "Investor" -> investor(queries().getInvestor(uuid(id)));
            case "Invoice" -> invoice(queries().getInvoice(uuid(id)));
            case "Issuer" -> issuer(id);
            default -> throw Status.NOT_FOUND.withDescription("no read model for " + type).asRuntimeException();
        };
    }

    private QueriesBlockingStub queries() {
        return calls.timed(queries);
    }

    private static Map<String, String> investor(Investor investor) {
        var row = new LinkedHashMap<String, String>();
        row.put("id", investor.getId().getValue());
        row.put("balance", investor.getBalance().getAmount());
        row.put("reserved", investor.getReserved().getAmount());
        row.put("committed", investor.getCommitted().getAmount());
        return row;
    }

    private static Map<String, String> invoice(Invoice invoice) {
        var row = new LinkedHashMap<String, String>();
        row.put("id", invoice.getId().getValue());
        row.put("issuerId", invoice.getIssuerId().getValue());
        row.put("askingPrice", invoice.getAskingPrice().getAmount());
        row.put("status", invoice.getStatus().name());
        row.put("winningBid", invoice.hasWinningBid()
                ? invoice.getWinningBid().getAmount().getAmount() + " by " + invoice.getWinningBid().getInvestorId().getValue()
                : "");
        return row;
    }

    private Map<String, String> issuer(java.util.UUID id) {
        String token = "";
        for (int page = 0; page < ISSUER_PAGES; page++) {
            var reply = queries().allIssuers(PageRequest.newBuilder().setPageToken(token).build());
            if (reply.getIssuersList().stream().anyMatch(issuer -> issuer.getId().getValue().equals(id.toString()))) {
                return Map.of("id", id.toString());
            }
            token = reply.getNextPageToken();
            if (token.isEmpty()) {
                break;
            }
        }
        throw Status.NOT_FOUND.withDescription("no issuer " + id + " in the read model").asRuntimeException();
    }

    private static UUID uuid(java.util.UUID id) {
        return UUID.newBuilder().setValue(id.toString()).build();
    }
}

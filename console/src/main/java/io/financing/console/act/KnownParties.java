package io.financing.console.act;

import io.financing.api.v1.AllInvestorsReply;
import io.financing.api.v1.AllInvoicesReply;
import io.financing.api.v1.AllIssuersReply;
import io.financing.api.v1.PageRequest;
import io.financing.api.v1.QueriesGrpc.QueriesBlockingStub;
import io.financing.console.Calls;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The newest parties and invoices the read models know, offered by the forms so that nobody types an id: read as
 * any client reads them, through the query service's lists.
 */
@RestController
class KnownParties {

    /** How many of each the forms offer, and how many pages are read for them at most. */
    private static final int OFFERED = 25;
    private static final int PAGES = 10;

    record Known(List<String> issuers, List<String> investors, List<String> invoices) {
    }

    private final QueriesBlockingStub queries;
    private final Calls calls;

    KnownParties(QueriesBlockingStub queries, Calls calls) {
        this.queries = queries;
        this.calls = calls;
    }

    @GetMapping("/api/act/known")
    Mono<Known> known() {
        return Calls.blocking(() -> new Known(
                        newest(page -> queries().allIssuers(page), reply -> reply.getIssuersList().stream()
                                .map(issuer -> issuer.getId().getValue()).toList(), AllIssuersReply::getNextPageToken),
                        newest(page -> queries().allInvestors(page), reply -> reply.getInvestorsList().stream()
                                .map(investor -> investor.getId().getValue() + " balance "
                                        + investor.getBalance().getAmount()).toList(),
                                AllInvestorsReply::getNextPageToken),
                        newest(page -> queries().allInvoices(page), reply -> reply.getInvoicesList().stream()
                                .map(invoice -> invoice.getId().getValue() + " " + invoice.getStatus() + " asking "
                                        + invoice.getAskingPrice().getAmount()).toList(),
                                AllInvoicesReply::getNextPageToken)));
    }

    /** The newest {@link #OFFERED}, newest first, from the pages of a list (oldest first). */
    private static <R> List<String> newest(Function<PageRequest, R> call, Function<R, List<String>> items,
                                           Function<R, String> next) {
        List<String> all = new ArrayList<>();
        String token = "";
        for (int page = 0; page < PAGES; page++) {
            R reply = call.apply(PageRequest.newBuilder().setPageToken(token).build());
            all.addAll(items.apply(reply));
            token = next.apply(reply);
            if (token.isEmpty()) {
                break;
            }
        }
        return all.subList(Math.max(0, all.size() - OFFERED), all.size()).reversed();
    }

    private QueriesBlockingStub queries() {
        return calls.timed(queries);
    }
}

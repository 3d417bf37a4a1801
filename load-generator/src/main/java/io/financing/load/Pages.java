package io.financing.load;

import io.financing.api.v1.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Every item of one of the Queries service's paged lists, page after page, as any client reads them. */
public final class Pages {

    private Pages() {
    }

    /**
     * @param pages a page for a request (AllInvestors, AllInvoices, AllIssuers)
     * @param items the page's items
     * @param next  the page's next_page_token: empty after the last page
     */
    public static <P, T> List<T> all(Function<PageRequest, P> pages, Function<P, List<T>> items, Function<P, String> next) {
        List<T> all = new ArrayList<>();
        String token = "";
        do {
            P page = pages.apply(PageRequest.newBuilder().setPageToken(token).build());
            all.addAll(items.apply(page));
            token = next.apply(page);
        } while (!token.isEmpty());
        return all;
    }
}

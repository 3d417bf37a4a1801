package io.financing.console.aggregate;

import io.financing.api.event.EventNames;
import io.financing.api.event.FinancingEvent;
import io.financing.api.event.InvestorEvent.BidOnInvoicePlaced;
import io.financing.api.event.InvestorEvent.InvestorCreated;
import io.financing.api.event.InvestorEvent.InvestorFundsAdded;
import io.financing.api.event.InvestorEvent.InvestorFundsCommitted;
import io.financing.api.event.InvestorEvent.InvestorFundsReleased;
import io.financing.api.event.InvoiceEvent.BidOnInvoiceRejected;
import io.financing.api.event.InvoiceEvent.InvoiceApproved;
import io.financing.api.event.InvoiceEvent.InvoiceCreated;
import io.financing.api.event.InvoiceEvent.InvoiceFinanced;
import io.financing.api.event.InvoiceEvent.InvoiceReversed;
import io.financing.api.event.IssuerEvent.IssuerCreated;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which fields of its aggregate's read-model row (as the query service answers it) each event changes: what the
 * aggregate page highlights. The projections move the values; this only names where, so that a reader sees the
 * event store and the read model as one story.
 */
final class RowChanges {

    private static final Map<String, List<String>> FIELDS = Map.ofEntries(
            changes(IssuerCreated.class, "id"),
            changes(InvestorCreated.class, "id", "balance", "reserved", "committed"),
            changes(InvestorFundsAdded.class, "balance"),
            changes(BidOnInvoicePlaced.class, "balance", "reserved"),
            changes(InvestorFundsReleased.class, "reserved", "balance"),
            changes(InvestorFundsCommitted.class, "reserved", "committed"),
            changes(InvoiceCreated.class, "id", "issuerId", "askingPrice", "status"),
            changes(BidOnInvoiceRejected.class),
            changes(InvoiceFinanced.class, "status", "winningBid"),
            changes(InvoiceApproved.class, "status"),
            changes(InvoiceReversed.class, "status"));

    private RowChanges() {
    }

    /** The fields the event of that name changes; none for a name this version does not know. */
    static List<String> of(String eventName) {
        return FIELDS.getOrDefault(eventName, List.of());
    }

    /** The names of every event this knows, for the test that it knows them all. */
    static Set<String> known() {
        return FIELDS.keySet();
    }

    private static Map.Entry<String, List<String>> changes(Class<? extends FinancingEvent> event, String... fields) {
        return Map.entry(EventNames.nameOf(event), List.of(fields));
    }
}

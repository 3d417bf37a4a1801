package io.financing.service.investor;

import io.financing.api.Money;
import io.financing.eventstore.EventMetadata;
import io.financing.eventstore.NewEvent;
import io.financing.service.Aggregates;
import io.financing.service.invoice.Invoice;
import java.util.List;
import java.util.UUID;

/**
 * Rule 4: an investor bids on an invoice that exists, with money the balance covers. Changes only the
 * investor, reserving the bid; the invoice hears of it through the saga.
 */
public final class BiddingOnInvoice {

    private final Aggregates<Investor> investors;
    private final Aggregates<Invoice> invoices;

    public BiddingOnInvoice(Aggregates<Investor> investors, Aggregates<Invoice> invoices) {
        this.investors = investors;
        this.invoices = invoices;
    }

    public List<NewEvent> handle(UUID investorId, UUID invoiceId, Money bid, EventMetadata metadata) {
        investors.requireExists(investorId); // an unknown investor is named first, whatever the invoice
        invoices.requireExists(invoiceId);
        return investors.update(investorId, metadata, investor -> investor.placeBid(invoiceId, bid));
    }
}

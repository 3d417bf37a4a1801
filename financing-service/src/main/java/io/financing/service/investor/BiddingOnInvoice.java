package io.financing.service.investor;

import io.financing.eventstore.AggregateRepository;
import io.financing.eventstore.EventMetadata;
import io.financing.eventstore.StoredEvent;
import io.financing.service.PolicyViolation;
import io.financing.service.invoice.Invoice;
import io.financing.service.invoice.InvoiceEvent;
import io.financing.api.Money;
import java.util.List;
import java.util.UUID;

/**
 * Rule 4: an investor bids on an invoice that exists, with money the balance covers. Changes only the
 * investor, reserving the bid; the invoice hears of it through the saga.
 */
public final class BiddingOnInvoice {

    private final AggregateRepository<Investor, InvestorEvent> investors;
    private final AggregateRepository<Invoice, InvoiceEvent> invoices;

    public BiddingOnInvoice(AggregateRepository<Investor, InvestorEvent> investors,
                        AggregateRepository<Invoice, InvoiceEvent> invoices) {
        this.investors = investors;
        this.invoices = invoices;
    }

    public List<StoredEvent> handle(UUID investorId, UUID invoiceId, Money bid, EventMetadata metadata) {
        if (!investors.contains(investorId)) {
            throw new PolicyViolation("Investor " + investorId + " is not registered");
        }
        if (!invoices.contains(invoiceId)) {
            throw new PolicyViolation("Invoice " + invoiceId + " does not exist");
        }
        return investors.update(investorId, metadata, investor -> investor.placeBid(invoiceId, bid)).events();
    }
}

package io.financing.service.saga;

import io.financing.eventstore.AggregateRepository;
import io.financing.eventstore.EventMetadata;
import io.financing.eventstore.StoredEvent;
import io.financing.service.investor.Investor;
import io.financing.service.investor.InvestorEvent;
import io.financing.service.investor.InvestorEvent.BidOnInvoicePlaced;
import io.financing.service.invoice.Invoice;
import io.financing.service.invoice.InvoiceEvent;
import io.financing.service.invoice.InvoiceEvent.BidOnInvoiceRejected;
import io.financing.service.invoice.InvoiceEvent.InvoiceApproved;
import io.financing.service.invoice.InvoiceEvent.InvoiceFinanced;
import io.financing.service.invoice.InvoiceEvent.InvoiceReversed;
import io.financing.api.Money;
import java.util.List;
import java.util.UUID;

/**
 * The choreography that carries a bid to its end (rules 5 to 9): each step reacts to one domain event
 * and changes one aggregate. Steps 6, 7 and the release of 9 are its compensations, giving reserved
 * money back.
 */
public final class FinancingSaga {

    private final AggregateRepository<Investor, InvestorEvent> investors;
    private final AggregateRepository<Invoice, InvoiceEvent> invoices;

    public FinancingSaga(AggregateRepository<Investor, InvestorEvent> investors,
                         AggregateRepository<Invoice, InvoiceEvent> invoices) {
        this.investors = investors;
        this.invoices = invoices;
    }

    /** Rule 5: the invoice processes the placed bid: financed by it, or rejecting it. */
    public List<StoredEvent> on(BidOnInvoicePlaced placed, EventMetadata metadata) {
        return invoices.update(placed.invoiceId(), metadata,
                invoice -> invoice.processBid(placed.investorId(), placed.bidAmount())).events();
    }

    /** Rule 6: a rejected bid is released in full. */
    public List<StoredEvent> on(BidOnInvoiceRejected rejected, EventMetadata metadata) {
        return release(rejected.bid().investorId(), rejected.bid().amount(), metadata);
    }

    /** Rule 7: what the winning bid exceeded the asking price by is released. */
    public List<StoredEvent> on(InvoiceFinanced financed, EventMetadata metadata) {
        return releasesExcess(financed)
                ? release(financed.bid().investorId(), financed.bid().amount().minus(financed.askingPrice()), metadata)
                : List.of();
    }

    /** Whether rule 7 has anything to do: only a bid above the asking price leaves an excess. */
    public boolean releasesExcess(InvoiceFinanced financed) {
        return financed.bid().amount().isMoreThan(financed.askingPrice());
    }

    /** Rule 8: an approved financing commits the asking price the investor had reserved. */
    public List<StoredEvent> on(InvoiceApproved approved, EventMetadata metadata) {
        return investors.update(approved.bid().investorId(), metadata,
                investor -> investor.commitFunds(approved.askingPrice())).events();
    }

    /** Rule 9: a reversed financing releases the asking price. */
    public List<StoredEvent> on(InvoiceReversed reversed, EventMetadata metadata) {
        return release(reversed.bid().investorId(), reversed.askingPrice(), metadata);
    }

    private List<StoredEvent> release(UUID investorId, Money amount, EventMetadata metadata) {
        return investors.update(investorId, metadata, investor -> investor.releaseFunds(amount)).events();
    }
}

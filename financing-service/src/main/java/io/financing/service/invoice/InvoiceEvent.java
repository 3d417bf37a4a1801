package io.financing.service.invoice;

import io.financing.api.Money;
import java.util.UUID;

/** What happens to an invoice on sale. */
public sealed interface InvoiceEvent {

    /** A bid: who offered how much. */
    record Bid(UUID investorId, Money amount) {
    }

    record InvoiceCreated(UUID invoiceId, UUID issuerId, Money askingPrice) implements InvoiceEvent {
    }

    record BidOnInvoiceRejected(UUID invoiceId, Bid bid) implements InvoiceEvent {
    }

    record InvoiceFinanced(UUID invoiceId, Money askingPrice, Bid bid) implements InvoiceEvent {
    }

    record InvoiceApproved(UUID invoiceId, Money askingPrice, Bid bid) implements InvoiceEvent {
    }

    record InvoiceReversed(UUID invoiceId, Money askingPrice, Bid bid) implements InvoiceEvent {
    }
}

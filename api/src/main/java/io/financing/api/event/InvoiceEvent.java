package io.financing.api.event;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.financing.api.Money;
import java.util.UUID;

/** What happens to an invoice on sale (stream type {@code Invoice}). */
public sealed interface InvoiceEvent extends FinancingEvent {

    /** A bid: who offered how much. */
    record Bid(UUID investorId, Money amount) {
    }

    @JsonTypeName("InvoiceCreated")
    record InvoiceCreated(UUID invoiceId, UUID issuerId, Money askingPrice) implements InvoiceEvent {
    }

    @JsonTypeName("BidOnInvoiceRejected")
    record BidOnInvoiceRejected(UUID invoiceId, Bid bid) implements InvoiceEvent {
    }

    @JsonTypeName("InvoiceFinanced")
    record InvoiceFinanced(UUID invoiceId, Money askingPrice, Bid bid) implements InvoiceEvent {
    }

    @JsonTypeName("InvoiceApproved")
    record InvoiceApproved(UUID invoiceId, Money askingPrice, Bid bid) implements InvoiceEvent {
    }

    @JsonTypeName("InvoiceReversed")
    record InvoiceReversed(UUID invoiceId, Money askingPrice, Bid bid) implements InvoiceEvent {
    }
}

package io.financing.service.invoice;

import io.financing.api.access.Caller;
import io.financing.eventstore.EventMetadata;
import io.financing.eventstore.NewEvent;
import io.financing.service.Aggregates;
import java.util.List;
import java.util.UUID;

/** Rules 8 and 9: the invoice's issuer approves or reverses its financing. */
public final class DecidingOnFinancing {

    private final Aggregates<Invoice> invoices;

    public DecidingOnFinancing(Aggregates<Invoice> invoices) {
        this.invoices = invoices;
    }

    public List<NewEvent> approve(UUID invoiceId, Caller decidedBy, EventMetadata metadata) {
        return invoices.update(invoiceId, metadata, invoice -> invoice.approve(decidedBy));
    }

    public List<NewEvent> reverse(UUID invoiceId, Caller decidedBy, EventMetadata metadata) {
        return invoices.update(invoiceId, metadata, invoice -> invoice.reverse(decidedBy));
    }
}

package io.financing.service.invoice;

import io.financing.eventstore.EventMetadata;
import io.financing.eventstore.StoredEvent;
import io.financing.service.Aggregates;
import java.util.List;
import java.util.UUID;

/** Rules 8 and 9: the issuer approves or reverses the financing of an invoice. */
public final class DecidingOnFinancing {

    private final Aggregates<Invoice> invoices;

    public DecidingOnFinancing(Aggregates<Invoice> invoices) {
        this.invoices = invoices;
    }

    public List<StoredEvent> approve(UUID invoiceId, EventMetadata metadata) {
        return invoices.update(invoiceId, metadata, Invoice::approve);
    }

    public List<StoredEvent> reverse(UUID invoiceId, EventMetadata metadata) {
        return invoices.update(invoiceId, metadata, Invoice::reverse);
    }
}

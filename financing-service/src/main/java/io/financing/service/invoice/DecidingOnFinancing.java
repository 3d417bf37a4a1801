package io.financing.service.invoice;

import io.financing.eventstore.AggregateRepository;
import io.financing.eventstore.EventMetadata;
import io.financing.eventstore.StoredEvent;
import io.financing.service.PolicyViolation;
import java.util.List;
import java.util.UUID;

/** Rules 8 and 9: the issuer approves or reverses the financing of an invoice. */
public final class DecidingOnFinancing {

    private final AggregateRepository<Invoice, InvoiceEvent> invoices;

    public DecidingOnFinancing(AggregateRepository<Invoice, InvoiceEvent> invoices) {
        this.invoices = invoices;
    }

    public List<StoredEvent> approve(UUID invoiceId, EventMetadata metadata) {
        requireInvoice(invoiceId);
        return invoices.update(invoiceId, metadata, Invoice::approve).events();
    }

    public List<StoredEvent> reverse(UUID invoiceId, EventMetadata metadata) {
        requireInvoice(invoiceId);
        return invoices.update(invoiceId, metadata, Invoice::reverse).events();
    }

    private void requireInvoice(UUID invoiceId) {
        if (!invoices.contains(invoiceId)) {
            throw new PolicyViolation("Invoice " + invoiceId + " does not exist");
        }
    }
}

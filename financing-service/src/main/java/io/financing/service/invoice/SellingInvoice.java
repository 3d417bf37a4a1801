package io.financing.service.invoice;

import io.financing.eventstore.AggregateRepository;
import io.financing.eventstore.EventMetadata;
import io.financing.eventstore.StoredEvent;
import io.financing.service.PolicyViolation;
import io.financing.service.issuer.Issuer;
import io.financing.service.issuer.IssuerEvent;
import io.financing.api.Money;
import java.util.List;
import java.util.UUID;

/** Rule 3: a registered issuer puts an invoice on sale. Reads the issuer, changes only the new invoice. */
public final class SellingInvoice {

    private final AggregateRepository<Issuer, IssuerEvent> issuers;
    private final AggregateRepository<Invoice, InvoiceEvent> invoices;

    public SellingInvoice(AggregateRepository<Issuer, IssuerEvent> issuers,
                       AggregateRepository<Invoice, InvoiceEvent> invoices) {
        this.issuers = issuers;
        this.invoices = invoices;
    }

    public List<StoredEvent> handle(UUID invoiceId, UUID issuerId, Money askingPrice, EventMetadata metadata) {
        if (!issuers.contains(issuerId)) {
            throw new PolicyViolation("Issuer " + issuerId + " is not registered");
        }
        if (invoices.contains(invoiceId)) {
            throw new PolicyViolation("Invoice " + invoiceId + " is on sale already");
        }
        return invoices.save(Invoice.create(invoiceId, issuerId, askingPrice), metadata).events();
    }
}

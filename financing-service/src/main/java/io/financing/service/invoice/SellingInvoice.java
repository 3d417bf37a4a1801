package io.financing.service.invoice;

import io.financing.api.Money;
import io.financing.eventstore.EventMetadata;
import io.financing.eventstore.NewEvent;
import io.financing.service.Aggregates;
import io.financing.service.PolicyViolation;
import io.financing.service.issuer.Issuer;
import java.util.List;
import java.util.UUID;

/** Rule 3: a registered issuer puts an invoice on sale. Reads the issuer, changes only the new invoice. */
public final class SellingInvoice {

    private final Aggregates<Issuer> issuers;
    private final Aggregates<Invoice> invoices;

    public SellingInvoice(Aggregates<Issuer> issuers, Aggregates<Invoice> invoices) {
        this.issuers = issuers;
        this.invoices = invoices;
    }

    public List<NewEvent> handle(UUID invoiceId, UUID issuerId, Money askingPrice, EventMetadata metadata) {
        issuers.requireExists(issuerId);
        if (invoices.exists(invoiceId)) {
            throw new PolicyViolation("Invoice " + invoiceId + " is on sale already");
        }
        return invoices.add(Invoice.create(invoiceId, issuerId, askingPrice), metadata);
    }
}

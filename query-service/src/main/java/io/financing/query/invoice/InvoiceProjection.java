package io.financing.query.invoice;

import io.financing.query.projection.ProjectedEvent;
import io.financing.query.projection.RowProjection;
import org.springframework.stereotype.Component;

/** Invoices: on sale, financed by a winning bid, then approved or reversed. */
@Component
class InvoiceProjection extends RowProjection<InvoiceRow> {

    InvoiceProjection(InvoiceRows rows) {
        super(rows, "InvoiceCreated");
    }

    @Override
    public String aggregateType() {
        return "Invoice";
    }

    @Override
    protected InvoiceRow create(ProjectedEvent created) {
        return new InvoiceRow(created.aggregateId(), created.position(), created.uuid("issuerId"),
                created.money("askingPrice"));
    }

    @Override
    protected void change(InvoiceRow invoice, ProjectedEvent event) {
        switch (event.name()) {
            case "InvoiceFinanced" -> invoice.financedBy(event.uuid("bid.investorId"), event.money("bid.amount"));
            case "InvoiceApproved" -> invoice.status("APPROVED");
            case "InvoiceReversed" -> invoice.status("REVERSED");
            default -> {
                // A rejected bid leaves the invoice as it was.
            }
        }
    }
}

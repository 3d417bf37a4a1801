package io.financing.query.invoice;

import io.financing.api.event.InvoiceEvent;
import io.financing.api.event.InvoiceEvent.BidOnInvoiceRejected;
import io.financing.api.event.InvoiceEvent.InvoiceApproved;
import io.financing.api.event.InvoiceEvent.InvoiceCreated;
import io.financing.api.event.InvoiceEvent.InvoiceFinanced;
import io.financing.api.event.InvoiceEvent.InvoiceReversed;
import io.financing.query.projection.ProjectedEvent;
import io.financing.query.projection.RowProjection;
import org.springframework.stereotype.Component;

/** Invoices: on sale, financed by a winning bid, then approved or reversed. */
@Component
class InvoiceProjection extends RowProjection<InvoiceRow, InvoiceEvent, InvoiceCreated> {

    InvoiceProjection(InvoiceRows rows) {
        super(rows, InvoiceEvent.class, InvoiceCreated.class);
    }

    @Override
    public String aggregateType() {
        return "Invoice";
    }

    @Override
    public String readModel() {
        return "invoices";
    }

    @Override
    protected InvoiceRow create(ProjectedEvent at, InvoiceCreated created) {
        return new InvoiceRow(at.aggregateId(), at.position(), created.issuerId(), created.askingPrice().amount());
    }

    @Override
    protected void change(InvoiceRow invoice, InvoiceEvent event) {
        switch (event) {
            case InvoiceCreated created -> {
                // Made the row, in create.
            }
            case BidOnInvoiceRejected rejected -> {
                // A rejected bid leaves the invoice as it was.
            }
            case InvoiceFinanced financed -> invoice.financedBy(financed.bid().investorId(), financed.bid().amount().amount());
            case InvoiceApproved approved -> invoice.status("APPROVED");
            case InvoiceReversed reversed -> invoice.status("REVERSED");
        }
    }
}

package io.financing.query.investor;

import io.financing.query.projection.ProjectedEvent;
import io.financing.query.projection.RowProjection;
import org.springframework.stereotype.Component;

/** Investors' balance, reserved and committed money, moved exactly as the Investor aggregate moves it. */
@Component
class InvestorProjection extends RowProjection<InvestorRow> {

    InvestorProjection(InvestorRows rows) {
        super(rows, "InvestorCreated");
    }

    @Override
    public String aggregateType() {
        return "Investor";
    }

    @Override
    protected InvestorRow create(ProjectedEvent created) {
        return new InvestorRow(created.aggregateId(), created.position());
    }

    @Override
    protected void change(InvestorRow investor, ProjectedEvent event) {
        switch (event.name()) {
            case "InvestorFundsAdded" -> investor.add(event.money("amount"));
            case "BidOnInvoicePlaced" -> investor.reserve(event.money("bidAmount"));
            case "InvestorFundsReleased" -> investor.release(event.money("amount"));
            case "InvestorFundsCommitted" -> investor.commit(event.money("amount"));
            default -> {
                // Nothing else changes what the queries show of an investor.
            }
        }
    }
}

package io.financing.query.investor;

import io.financing.api.event.InvestorEvent;
import io.financing.api.event.InvestorEvent.BidOnInvoicePlaced;
import io.financing.api.event.InvestorEvent.InvestorCreated;
import io.financing.api.event.InvestorEvent.InvestorFundsAdded;
import io.financing.api.event.InvestorEvent.InvestorFundsCommitted;
import io.financing.api.event.InvestorEvent.InvestorFundsReleased;
import io.financing.query.projection.ProjectedEvent;
import io.financing.query.projection.RowProjection;
import org.springframework.stereotype.Component;

/** Investors' balance, reserved and committed money, moved exactly as the Investor aggregate moves it. */
@Component
class InvestorProjection extends RowProjection<InvestorRow, InvestorEvent, InvestorCreated> {

    InvestorProjection(InvestorRows rows) {
        super(rows, InvestorEvent.class, InvestorCreated.class);
    }

    @Override
    public String aggregateType() {
        return "Investor";
    }

    @Override
    public String readModel() {
        return "investors";
    }

    @Override
    protected InvestorRow create(ProjectedEvent at, InvestorCreated created) {
        return new InvestorRow(at.aggregateId(), at.position());
    }

    @Override
    protected void change(InvestorRow investor, InvestorEvent event) {
        switch (event) {
            case InvestorCreated created -> {
                // Made the row, in create.
            }
            case InvestorFundsAdded added -> investor.add(added.amount().amount());
            case BidOnInvoicePlaced placed -> investor.reserve(placed.bidAmount().amount());
            case InvestorFundsReleased released -> investor.release(released.amount().amount());
            case InvestorFundsCommitted commitment -> investor.commit(commitment.amount().amount());
        }
    }
}

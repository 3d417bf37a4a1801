package io.financing.service.investor;

import io.financing.api.Money;
import java.util.UUID;

/** What happens to an investor's money. */
public sealed interface InvestorEvent {

    record InvestorCreated(UUID investorId) implements InvestorEvent {
    }

    /** Money the investor brought in: balance + amount. */
    record InvestorFundsAdded(UUID investorId, Money amount) implements InvestorEvent {
    }

    /** A bid reserved from the balance: balance − bid, reserved + bid. */
    record BidOnInvoicePlaced(UUID investorId, UUID invoiceId, Money bidAmount) implements InvestorEvent {
    }

    /** Reserved money given back to the balance: reserved − amount, balance + amount. */
    record InvestorFundsReleased(UUID investorId, Money amount) implements InvestorEvent {
    }

    /** Reserved money spent on an approved financing: reserved − amount, committed + amount. */
    record InvestorFundsCommitted(UUID investorId, Money amount) implements InvestorEvent {
    }
}

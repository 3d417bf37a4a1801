package io.financing.api.event;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.financing.api.Money;
import java.util.UUID;

/** What happens to an investor's money (stream type {@code Investor}). */
public sealed interface InvestorEvent extends FinancingEvent {

    @JsonTypeName("InvestorCreated")
    record InvestorCreated(UUID investorId) implements InvestorEvent {
    }

    /** Money the investor brought in: balance + amount. */
    @JsonTypeName("InvestorFundsAdded")
    record InvestorFundsAdded(UUID investorId, Money amount) implements InvestorEvent {
    }

    /** A bid reserved from the balance: balance − bid, reserved + bid. */
    @JsonTypeName("BidOnInvoicePlaced")
    record BidOnInvoicePlaced(UUID investorId, UUID invoiceId, Money bidAmount) implements InvestorEvent {
    }

    /** Reserved money given back to the balance: reserved − amount, balance + amount. */
    @JsonTypeName("InvestorFundsReleased")
    record InvestorFundsReleased(UUID investorId, Money amount) implements InvestorEvent {
    }

    /** Reserved money spent on an approved financing: reserved − amount, committed + amount. */
    @JsonTypeName("InvestorFundsCommitted")
    record InvestorFundsCommitted(UUID investorId, Money amount) implements InvestorEvent {
    }
}

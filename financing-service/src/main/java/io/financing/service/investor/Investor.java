package io.financing.service.investor;

import io.financing.api.Money;
import io.financing.api.event.EventNames;
import io.financing.api.event.InvestorEvent;
import io.financing.api.event.InvestorEvent.BidOnInvoicePlaced;
import io.financing.api.event.InvestorEvent.InvestorCreated;
import io.financing.api.event.InvestorEvent.InvestorFundsAdded;
import io.financing.api.event.InvestorEvent.InvestorFundsCommitted;
import io.financing.api.event.InvestorEvent.InvestorFundsReleased;
import io.financing.eventstore.Aggregate;
import io.financing.eventstore.AggregateType;
import io.financing.eventstore.EventTypes;
import io.financing.service.PolicyViolation;
import java.util.UUID;

/**
 * An investor's money in three parts: available balance, reserved by bids in flight, and committed to
 * approved financings. Money only moves between them, so their sum is always what was added.
 */
public final class Investor extends Aggregate<InvestorEvent, Investor.State> {

    public static final AggregateType<Investor, InvestorEvent, State> TYPE = AggregateType.of("Investor", Investor::new,
            EventTypes.of(EventNames.of(InvestorEvent.class)))
            .withSnapshots(State.class, "Investor.v1");

    /**
     * What an investor's events add up to, and so its snapshot: an investor with many bids loads from this, not
     * from them all. Each event gives the next state; one the switch forgets does not compile.
     */
    public record State(Money balance, Money reserved, Money committed) {

        static final State NEW = new State(Money.ZERO, Money.ZERO, Money.ZERO);

        State after(InvestorEvent event) {
            return switch (event) {
                case InvestorCreated created -> this;
                case InvestorFundsAdded added -> new State(balance.plus(added.amount()), reserved, committed);
                case BidOnInvoicePlaced placed ->
                        new State(balance.minus(placed.bidAmount()), reserved.plus(placed.bidAmount()), committed);
                case InvestorFundsReleased released ->
                        new State(balance.plus(released.amount()), reserved.minus(released.amount()), committed);
                case InvestorFundsCommitted commitment ->
                        new State(balance, reserved.minus(commitment.amount()), committed.plus(commitment.amount()));
            };
        }
    }

    private Investor(UUID id) {
        super(id, State.NEW);
    }

    /** Why a command about an investor the Registering context never registered is rejected. */
    public static String notRegistered(UUID investorId) {
        return "Investor " + investorId + " is not registered";
    }

    /** Rule 2: whenever an investor is registered, create it with its opening balance, if any. */
    public static Investor create(UUID investorId, Money openingBalance) {
        var investor = new Investor(investorId);
        investor.record(new InvestorCreated(investorId));
        if (!openingBalance.isZero()) {
            investor.record(new InvestorFundsAdded(investorId, openingBalance));
        }
        return investor;
    }

    /** Rule 4: a bid reserves its amount, which the available balance must cover. */
    public void placeBid(UUID invoiceId, Money bid) {
        if (bid.isMoreThan(balance())) {
            throw new PolicyViolation("Investor " + id() + " has " + balance() + " available, bid was " + bid);
        }
        record(new BidOnInvoicePlaced(id(), invoiceId, bid));
    }

    /** Rules 6, 7 and 9: the saga gives reserved money back. */
    public void releaseFunds(Money amount) {
        requireReserved(amount);
        record(new InvestorFundsReleased(id(), amount));
    }

    /** Rule 8: an approved financing spends the reserved asking price. */
    public void commitFunds(Money amount) {
        requireReserved(amount);
        record(new InvestorFundsCommitted(id(), amount));
    }

    /** The saga only moves money it reserved; anything else is a bug, never a user's mistake. */
    private void requireReserved(Money amount) {
        if (amount.isMoreThan(reserved())) {
            throw new IllegalStateException("Investor " + id() + " has " + reserved() + " reserved, not " + amount);
        }
    }

    public Money balance() {
        return state().balance();
    }

    public Money reserved() {
        return state().reserved();
    }

    public Money committed() {
        return state().committed();
    }

    @Override
    protected State next(State state, InvestorEvent event) {
        return state.after(event);
    }
}

package io.financing.api.saga;

import io.financing.api.Money;
import io.financing.api.event.EventNames;
import io.financing.api.event.FinancingEvent;
import io.financing.api.event.InvestorEvent.BidOnInvoicePlaced;
import io.financing.api.event.InvoiceEvent.BidOnInvoiceRejected;
import io.financing.api.event.InvoiceEvent.InvoiceApproved;
import io.financing.api.event.InvoiceEvent.InvoiceFinanced;
import io.financing.api.event.InvoiceEvent.InvoiceReversed;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What an event calls for next in the choreography that carries a bid to its end (rules 5 to 9): each step
 * changes one aggregate. Written once, here, for the two that need it: the saga, which takes these steps, and
 * the query side, which tells from them whether a command is settled ({@link Settling}).
 */
public sealed interface SagaStep {

    /** The one aggregate the step changes. */
    UUID aggregateId();

    /** Rule 5: the invoice processes a placed bid: financed by it, or rejecting it. */
    record ProcessBid(UUID invoiceId, UUID investorId, Money amount) implements SagaStep {
        @Override
        public UUID aggregateId() {
            return invoiceId;
        }
    }

    /** Rules 6, 7 and the release of 9, the saga's compensations: reserved money goes back to the balance. */
    record ReleaseFunds(UUID investorId, Money amount) implements SagaStep {
        @Override
        public UUID aggregateId() {
            return investorId;
        }
    }

    /** Rule 8: an approved financing commits the asking price the investor had reserved. */
    record CommitFunds(UUID investorId, Money amount) implements SagaStep {
        @Override
        public UUID aggregateId() {
            return investorId;
        }
    }

    /**
     * The names of the events {@link #after} may call for a step after: any other can be passed over by its name,
     * before it is read in full. Kept beside the switch it summarises, and checked against it by a test.
     */
    Set<String> AFTER = Stream.of(BidOnInvoicePlaced.class, BidOnInvoiceRejected.class, InvoiceFinanced.class,
            InvoiceApproved.class, InvoiceReversed.class).map(EventNames::nameOf).collect(Collectors.toUnmodifiableSet());

    /** The step this event calls for, or none when it calls for nothing. */
    static Optional<SagaStep> after(FinancingEvent event) {
        SagaStep step = switch (event) {
            case BidOnInvoicePlaced placed -> new ProcessBid(placed.invoiceId(), placed.investorId(), placed.bidAmount());
            case BidOnInvoiceRejected rejected -> new ReleaseFunds(rejected.bid().investorId(), rejected.bid().amount());
            // A bid at the asking price leaves no excess: nothing to release, so no step (most bids are).
            case InvoiceFinanced financed when financed.bid().amount().isMoreThan(financed.askingPrice()) ->
                    new ReleaseFunds(financed.bid().investorId(), financed.bid().amount().minus(financed.askingPrice()));
            case InvoiceApproved approved -> new CommitFunds(approved.bid().investorId(), approved.askingPrice());
            case InvoiceReversed reversed -> new ReleaseFunds(reversed.bid().investorId(), reversed.askingPrice());
            default -> null;
        };
        return Optional.ofNullable(step);
    }
}

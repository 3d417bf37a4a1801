package io.financing.service.saga;

import io.financing.api.Money;
import io.financing.api.event.EventNames;
import io.financing.api.event.FinancingEvent;
import io.financing.api.event.InvestorEvent.BidOnInvoicePlaced;
import io.financing.api.event.InvoiceEvent.BidOnInvoiceRejected;
import io.financing.api.event.InvoiceEvent.InvoiceApproved;
import io.financing.api.event.InvoiceEvent.InvoiceFinanced;
import io.financing.api.event.InvoiceEvent.InvoiceReversed;
import io.financing.eventstore.EventMetadata;
import io.financing.eventstore.NewEvent;
import io.financing.service.Aggregates;
import io.financing.service.investor.Investor;
import io.financing.service.invoice.Invoice;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The choreography that carries a bid to its end (rules 5 to 9): each step reacts to one domain event
 * and changes one aggregate. Steps 6, 7 and the release of 9 are its compensations, giving reserved
 * money back.
 */
public final class FinancingSaga {

    private final Aggregates<Investor> investors;
    private final Aggregates<Invoice> invoices;

    public FinancingSaga(Aggregates<Investor> investors, Aggregates<Invoice> invoices) {
        this.investors = investors;
        this.invoices = invoices;
    }

    /**
     * A step of the saga, ready to run for one event.
     *
     * @param aggregateId the one aggregate the step changes
     */
    public record Step(UUID aggregateId, Function<EventMetadata, List<NewEvent>> action) {

        /** @return the events the step stored */
        public List<NewEvent> run(EventMetadata metadata) {
            return action.apply(metadata);
        }
    }

    /**
     * The names of the events {@link #stepFor} may have a step for: any other is skipped by its name, before it is
     * read in full (half the events on the bus ask nothing of the saga). Kept beside the switch it summarises, and
     * checked against it by the saga's test.
     */
    public static final Set<String> STEPPED = Stream.of(BidOnInvoicePlaced.class, BidOnInvoiceRejected.class,
            InvoiceFinanced.class, InvoiceApproved.class, InvoiceReversed.class).map(EventNames::nameOf)
            .collect(Collectors.toUnmodifiableSet());

    /** The saga's step for this event, or none when the event asks nothing of it. */
    public Optional<Step> stepFor(FinancingEvent event) {
        Step step = switch (event) {
            case BidOnInvoicePlaced placed -> new Step(placed.invoiceId(), metadata -> on(placed, metadata));
            case BidOnInvoiceRejected rejected ->
                    new Step(rejected.bid().investorId(), metadata -> on(rejected, metadata));
            // Most bids are at the asking price: no excess to release, so no transaction to run.
            case InvoiceFinanced financed when releasesExcess(financed) ->
                    new Step(financed.bid().investorId(), metadata -> on(financed, metadata));
            case InvoiceApproved approved -> new Step(approved.bid().investorId(), metadata -> on(approved, metadata));
            case InvoiceReversed reversed -> new Step(reversed.bid().investorId(), metadata -> on(reversed, metadata));
            default -> null; // the saga reacts to nothing else
        };
        return Optional.ofNullable(step);
    }

    /** Rule 5: the invoice processes the placed bid: financed by it, or rejecting it. */
    List<NewEvent> on(BidOnInvoicePlaced placed, EventMetadata metadata) {
        return invoices.update(placed.invoiceId(), metadata,
                invoice -> invoice.processBid(placed.investorId(), placed.bidAmount()));
    }

    /** Rule 6: a rejected bid is released in full. */
    List<NewEvent> on(BidOnInvoiceRejected rejected, EventMetadata metadata) {
        return release(rejected.bid().investorId(), rejected.bid().amount(), metadata);
    }

    /** Rule 7: what the winning bid exceeded the asking price by is released. */
    List<NewEvent> on(InvoiceFinanced financed, EventMetadata metadata) {
        return release(financed.bid().investorId(), financed.bid().amount().minus(financed.askingPrice()), metadata);
    }

    /** Whether rule 7 has anything to do: only a bid above the asking price leaves an excess. */
    private static boolean releasesExcess(InvoiceFinanced financed) {
        return financed.bid().amount().isMoreThan(financed.askingPrice());
    }

    /** Rule 8: an approved financing commits the asking price the investor had reserved. */
    List<NewEvent> on(InvoiceApproved approved, EventMetadata metadata) {
        return investors.update(approved.bid().investorId(), metadata,
                investor -> investor.commitFunds(approved.askingPrice()));
    }

    /** Rule 9: a reversed financing releases the asking price. */
    List<NewEvent> on(InvoiceReversed reversed, EventMetadata metadata) {
        return release(reversed.bid().investorId(), reversed.askingPrice(), metadata);
    }

    private List<NewEvent> release(UUID investorId, Money amount, EventMetadata metadata) {
        return investors.update(investorId, metadata, investor -> investor.releaseFunds(amount));
    }
}

package io.financing.service.saga;

import io.financing.api.event.FinancingEvent;
import io.financing.api.saga.SagaStep;
import io.financing.api.saga.SagaStep.CommitFunds;
import io.financing.api.saga.SagaStep.ProcessBid;
import io.financing.api.saga.SagaStep.ReleaseFunds;
import io.financing.eventstore.EventMetadata;
import io.financing.eventstore.NewEvent;
import io.financing.service.Aggregates;
import io.financing.service.investor.Investor;
import io.financing.service.invoice.Invoice;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The choreography that carries a bid to its end (rules 5 to 9): each step reacts to one domain event
 * and changes one aggregate. Which step follows which event is the shared language's ({@link SagaStep}), so the
 * query side can tell when a command is settled; taking the step is the saga's.
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

    /** The saga's step for this event, or none when the event calls for nothing ({@link SagaStep#after}). */
    public Optional<Step> stepFor(FinancingEvent event) {
        return SagaStep.after(event).map(step -> new Step(step.aggregateId(), metadata -> take(step, metadata)));
    }

    /** Takes the step on its one aggregate. */
    List<NewEvent> take(SagaStep step, EventMetadata metadata) {
        return switch (step) {
            case ProcessBid bid -> invoices.update(bid.invoiceId(), metadata,
                    invoice -> invoice.processBid(bid.investorId(), bid.amount()));
            case ReleaseFunds release -> investors.update(release.investorId(), metadata,
                    investor -> investor.releaseFunds(release.amount()));
            case CommitFunds commit -> investors.update(commit.investorId(), metadata,
                    investor -> investor.commitFunds(commit.amount()));
        };
    }
}

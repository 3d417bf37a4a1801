package io.financing.api.saga;

import static org.assertj.core.api.Assertions.assertThat;

import io.financing.api.Money;
import io.financing.api.access.Caller;
import io.financing.api.event.CommandOutcome.CommandRejected;
import io.financing.api.event.CommandOutcome.CommandSucceeded;
import io.financing.api.event.EventNames;
import io.financing.api.event.FinancingEvent;
import io.financing.api.event.InvestorEvent.BidOnInvoicePlaced;
import io.financing.api.event.InvestorEvent.InvestorCreated;
import io.financing.api.event.InvestorEvent.InvestorFundsAdded;
import io.financing.api.event.InvestorEvent.InvestorFundsCommitted;
import io.financing.api.event.InvestorEvent.InvestorFundsReleased;
import io.financing.api.event.InvoiceEvent.Bid;
import io.financing.api.event.InvoiceEvent.BidOnInvoiceRejected;
import io.financing.api.event.InvoiceEvent.InvoiceApproved;
import io.financing.api.event.InvoiceEvent.InvoiceCreated;
import io.financing.api.event.InvoiceEvent.InvoiceFinanced;
import io.financing.api.event.InvoiceEvent.InvoiceReversed;
import io.financing.api.event.IssuerEvent.IssuerCreated;
import io.financing.api.saga.SagaStep.CommitFunds;
import io.financing.api.saga.SagaStep.ProcessBid;
import io.financing.api.saga.SagaStep.ReleaseFunds;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SagaStepTest {

    private static final UUID INVOICE = UUID.randomUUID();
    private static final UUID ANN = UUID.randomUUID();
    private static final Money TEN = Money.of("10");

    private static InvoiceFinanced financed(String bid) {
        return new InvoiceFinanced(INVOICE, TEN, new Bid(ANN, Money.of(bid)));
    }

    @Test
    void aPlacedBidIsProcessedByItsInvoice() {
        assertThat(SagaStep.after(new BidOnInvoicePlaced(ANN, INVOICE, TEN))).contains(new ProcessBid(INVOICE, ANN, TEN));
    }

    @Test
    void aRejectedBidIsReleasedInFull() {
        assertThat(SagaStep.after(new BidOnInvoiceRejected(INVOICE, new Bid(ANN, TEN))))
                .contains(new ReleaseFunds(ANN, TEN));
    }

    @Test
    void aWinningBidAboveTheAskingPriceHasItsExcessReleased() {
        assertThat(SagaStep.after(financed("25"))).contains(new ReleaseFunds(ANN, Money.of("15")));
    }

    @Test
    void aWinningBidAtTheAskingPriceCallsForNothing() {
        assertThat(SagaStep.after(financed("10"))).isEmpty();
    }

    @Test
    void anApprovalCommitsAndAReversalReleasesTheAskingPrice() {
        Bid above = new Bid(ANN, Money.of("20"));
        assertThat(SagaStep.after(new InvoiceApproved(INVOICE, TEN, above))).contains(new CommitFunds(ANN, TEN));
        assertThat(SagaStep.after(new InvoiceReversed(INVOICE, TEN, above))).contains(new ReleaseFunds(ANN, TEN));
    }

    @Test
    void theNamesItPassesOverAreExactlyThoseOfEventsThatCallForNothing() {
        List<FinancingEvent> events = oneOfEachKind();
        assertThat(events).extracting(event -> EventNames.nameOf(event.getClass()))
                .containsExactlyInAnyOrderElementsOf(EventNames.of(FinancingEvent.class).keySet());
        assertThat(events).allSatisfy(event -> assertThat(SagaStep.after(event).isPresent())
                .as(event.getClass().getSimpleName())
                .isEqualTo(SagaStep.AFTER.contains(EventNames.nameOf(event.getClass()))));
    }

    /** One event of every kind, each one that would call for a step if its kind called for any. */
    private static List<FinancingEvent> oneOfEachKind() {
        Bid above = new Bid(ANN, Money.of("20"));
        UUID issuer = UUID.randomUUID();
        return List.of(new InvestorCreated(ANN), new InvestorFundsAdded(ANN, TEN),
                new BidOnInvoicePlaced(ANN, INVOICE, TEN), new InvestorFundsReleased(ANN, TEN),
                new InvestorFundsCommitted(ANN, TEN), new InvoiceCreated(INVOICE, issuer, TEN),
                new BidOnInvoiceRejected(INVOICE, above), financed("20"), new InvoiceApproved(INVOICE, TEN, above),
                new InvoiceReversed(INVOICE, TEN, above), new IssuerCreated(issuer),
                new CommandSucceeded(UUID.randomUUID(), "SellInvoice", Caller.ANYONE, List.of()),
                new CommandRejected(UUID.randomUUID(), "SellInvoice", Caller.ANYONE, "no"));
    }
}

package io.financing.service.saga;

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
import io.financing.api.json.EventJson;
import io.financing.eventstore.AggregateRepository;
import io.financing.eventstore.InMemoryEventStore;
import io.financing.service.investor.Investor;
import io.financing.service.invoice.Invoice;
import io.financing.service.store.EventSourcedAggregates;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FinancingSagaTest {

    private static final UUID INVOICE = UUID.randomUUID();
    private static final UUID ANN = UUID.randomUUID();

    private final FinancingSaga saga;

    FinancingSagaTest() {
        var store = new InMemoryEventStore();
        var settings = AggregateRepository.Settings.DEFAULT;
        saga = new FinancingSaga(
                new EventSourcedAggregates<>(new AggregateRepository<>(store, Investor.TYPE, EventJson.mapper(),
                        Clock.systemUTC(), settings), Investor::notRegistered),
                new EventSourcedAggregates<>(new AggregateRepository<>(store, Invoice.TYPE, EventJson.mapper(),
                        Clock.systemUTC(), settings), Invoice::doesNotExist));
    }

    private static InvoiceFinanced financed(String bid) {
        return new InvoiceFinanced(INVOICE, Money.of("10"), new Bid(ANN, Money.of(bid)));
    }

    @Test
    void aBidAboveTheAskingPriceLeavesAnExcessToRelease() {
        assertThat(saga.stepFor(financed("20"))).isPresent();
    }

    @Test
    void aBidAtTheAskingPriceLeavesNothingToDoAndNoTransactionToRun() {
        assertThat(saga.stepFor(financed("10"))).isEmpty();
    }

    /** One event of every kind, each one the saga would have a step for if it stepped on its kind at all. */
    private static List<FinancingEvent> oneOfEachKind() {
        Money ten = Money.of("10");
        Bid above = new Bid(ANN, Money.of("20"));
        UUID issuer = UUID.randomUUID();
        return List.of(new InvestorCreated(ANN), new InvestorFundsAdded(ANN, ten),
                new BidOnInvoicePlaced(ANN, INVOICE, ten), new InvestorFundsReleased(ANN, ten),
                new InvestorFundsCommitted(ANN, ten), new InvoiceCreated(INVOICE, issuer, ten),
                new BidOnInvoiceRejected(INVOICE, above), financed("20"), new InvoiceApproved(INVOICE, ten, above),
                new InvoiceReversed(INVOICE, ten, above), new IssuerCreated(issuer),
                new CommandSucceeded(UUID.randomUUID(), "SellInvoice", Caller.ANYONE, List.of()),
                new CommandRejected(UUID.randomUUID(), "SellInvoice", Caller.ANYONE, "no"));
    }

    @Test
    void theEventsItSkipsByNameAreExactlyThoseItHasNoStepFor() {
        List<FinancingEvent> events = oneOfEachKind();
        assertThat(events).extracting(event -> EventNames.nameOf(event.getClass()))
                .containsExactlyInAnyOrderElementsOf(EventNames.of(FinancingEvent.class).keySet());
        assertThat(events).allSatisfy(event -> assertThat(saga.stepFor(event).isPresent())
                .as(event.getClass().getSimpleName())
                .isEqualTo(FinancingSaga.STEPPED.contains(EventNames.nameOf(event.getClass()))));
    }

    @Test
    void anEventTheSagaIgnoresHasNoStep() {
        assertThat(saga.stepFor(new InvestorFundsReleased(ANN, Money.of("5")))).isEmpty();
    }
}

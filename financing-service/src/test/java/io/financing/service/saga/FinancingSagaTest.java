package io.financing.service.saga;

import static org.assertj.core.api.Assertions.assertThat;

import io.financing.api.Money;
import io.financing.api.event.InvestorEvent.InvestorFundsReleased;
import io.financing.api.event.InvoiceEvent.Bid;
import io.financing.api.event.InvoiceEvent.InvoiceFinanced;
import io.financing.api.json.EventJson;
import io.financing.eventstore.AggregateRepository;
import io.financing.eventstore.InMemoryEventStore;
import io.financing.service.investor.Investor;
import io.financing.service.invoice.Invoice;
import io.financing.service.store.EventSourcedAggregates;
import java.time.Clock;
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

    @Test
    void anEventTheSagaIgnoresHasNoStep() {
        assertThat(saga.stepFor(new InvestorFundsReleased(ANN, Money.of("5")))).isEmpty();
    }
}

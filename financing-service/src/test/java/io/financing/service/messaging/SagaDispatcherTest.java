package io.financing.service.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.financing.eventstore.AggregateRepository;
import io.financing.eventstore.InMemoryEventStore;
import io.financing.service.investor.Investor;
import io.financing.service.invoice.Invoice;
import io.financing.service.invoice.InvoiceEvent.Bid;
import io.financing.service.invoice.InvoiceEvent.InvoiceFinanced;
import io.financing.service.json.FinancingJson;
import io.financing.api.Money;
import io.financing.service.saga.FinancingSaga;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SagaDispatcherTest {

    private static final JsonMapper JSON = FinancingJson.mapper();
    private static final UUID INVOICE = UUID.randomUUID();
    private static final UUID ANN = UUID.randomUUID();

    private final SagaDispatcher saga;

    SagaDispatcherTest() {
        var store = new InMemoryEventStore();
        var settings = AggregateRepository.Settings.DEFAULT;
        saga = new SagaDispatcher(new FinancingSaga(
                new AggregateRepository<>(store, Investor.TYPE, JSON, Clock.systemUTC(), settings),
                new AggregateRepository<>(store, Invoice.TYPE, JSON, Clock.systemUTC(), settings)), JSON);
    }

    private static String financed(String bid) {
        return JSON.writeValueAsString(new InvoiceFinanced(INVOICE, Money.of("10"), new Bid(ANN, Money.of(bid))));
    }

    @Test
    void aBidAboveTheAskingPriceLeavesAnExcessToRelease() {
        assertThat(saga.stepFor("InvoiceFinanced", financed("20"))).isPresent();
    }

    @Test
    void aBidAtTheAskingPriceLeavesNothingToDoAndNoTransactionToRun() {
        assertThat(saga.reactsTo("InvoiceFinanced")).isTrue();
        assertThat(saga.stepFor("InvoiceFinanced", financed("10"))).isEmpty();
    }

    @Test
    void anEventTheSagaIgnoresHasNoStep() {
        assertThat(saga.reactsTo("InvestorFundsReleased")).isFalse();
        assertThat(saga.stepFor("InvestorFundsReleased", "{}")).isEmpty();
    }
}

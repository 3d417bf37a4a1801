package io.financing.service.investor;

import static io.financing.eventstore.AggregateFixture.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.financing.api.Money;
import io.financing.api.event.InvestorEvent;
import io.financing.api.event.InvestorEvent.BidOnInvoicePlaced;
import io.financing.api.event.InvestorEvent.InvestorCreated;
import io.financing.api.event.InvestorEvent.InvestorFundsAdded;
import io.financing.api.event.InvestorEvent.InvestorFundsCommitted;
import io.financing.api.event.InvestorEvent.InvestorFundsReleased;
import io.financing.api.json.EventJson;
import io.financing.eventstore.AggregateFixture;
import io.financing.eventstore.AggregateRepository;
import io.financing.eventstore.EventMetadata;
import io.financing.eventstore.InMemoryEventStore;
import io.financing.service.PolicyViolation;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InvestorTest {

    private static final UUID INVESTOR = AggregateFixture.ID;
    private static final UUID INVOICE = UUID.randomUUID();

    private static InvestorEvent[] withBalance(String balance) {
        return new InvestorEvent[] {new InvestorCreated(INVESTOR), new InvestorFundsAdded(INVESTOR, Money.of(balance))};
    }

    @Test
    void aRegisteredInvestorIsCreatedWithItsOpeningBalance() {
        Investor investor = Investor.create(INVESTOR, Money.of("100"));

        assertThat(investor.changes()).containsExactly(
                new InvestorCreated(INVESTOR), new InvestorFundsAdded(INVESTOR, Money.of("100.00")));
        assertThat(investor.balance()).isEqualTo(Money.of("100"));
    }

    @Test
    void anInvestorRegisteredWithoutMoneyGetsNoFundsAdded() {
        assertThat(Investor.create(INVESTOR, Money.ZERO).changes()).containsExactly(new InvestorCreated(INVESTOR));
    }

    @Test
    void aBidTheBalanceCoversIsPlacedAndReserved() {
        Investor investor = given(Investor.TYPE.newAggregate(), withBalance("100"))
                .when(i -> i.placeBid(INVOICE, Money.of("100")))
                .then(new BidOnInvoicePlaced(INVESTOR, INVOICE, Money.of("100")));

        assertThat(investor.balance()).isEqualTo(Money.ZERO);
        assertThat(investor.reserved()).isEqualTo(Money.of("100"));
    }

    @Test
    void aBidBeyondTheAvailableBalanceIsRejectedSayingWhy() {
        PolicyViolation rejection = given(Investor.TYPE.newAggregate(), new InvestorCreated(INVESTOR),
                new InvestorFundsAdded(INVESTOR, Money.of("15")),
                new BidOnInvoicePlaced(INVESTOR, INVOICE, Money.of("10")))
                .when(i -> i.placeBid(UUID.randomUUID(), Money.of("10")))
                .thenRejected(PolicyViolation.class);

        assertThat(rejection).hasMessage("Investor " + INVESTOR + " has 5.00 available, bid was 10.00");
    }

    @Test
    void releasedFundsGoBackFromReservedToTheBalance() {
        Investor investor = given(Investor.TYPE.newAggregate(), new InvestorCreated(INVESTOR),
                new InvestorFundsAdded(INVESTOR, Money.of("100")),
                new BidOnInvoicePlaced(INVESTOR, INVOICE, Money.of("20")))
                .when(i -> i.releaseFunds(Money.of("10")))
                .then(new InvestorFundsReleased(INVESTOR, Money.of("10")));

        assertThat(investor.balance()).isEqualTo(Money.of("90"));
        assertThat(investor.reserved()).isEqualTo(Money.of("10"));
    }

    @Test
    void committedFundsMoveFromReservedToCommitted() {
        Investor investor = given(Investor.TYPE.newAggregate(), new InvestorCreated(INVESTOR),
                new InvestorFundsAdded(INVESTOR, Money.of("100")),
                new BidOnInvoicePlaced(INVESTOR, INVOICE, Money.of("10")))
                .when(i -> i.commitFunds(Money.of("10")))
                .then(new InvestorFundsCommitted(INVESTOR, Money.of("10")));

        assertThat(investor.balance()).isEqualTo(Money.of("90"));
        assertThat(investor.reserved()).isEqualTo(Money.ZERO);
        assertThat(investor.committed()).isEqualTo(Money.of("10"));
    }

    @Test
    void moneyThatWasNeverReservedCannotBeReleasedOrCommitted() {
        given(Investor.TYPE.newAggregate(), withBalance("100"))
                .when(i -> i.releaseFunds(Money.of("1")))
                .thenRejected(IllegalStateException.class);
        given(Investor.TYPE.newAggregate(), withBalance("100"))
                .when(i -> i.commitFunds(Money.of("1")))
                .thenRejected(IllegalStateException.class);
    }

    @Test
    void anInvestorRestoredFromItsSnapshotHoldsWhatItsEventsAddUpTo() {
        var store = new InMemoryEventStore();
        var snapshotEveryEvent = new AggregateRepository<>(store, Investor.TYPE, EventJson.mapper(), Clock.systemUTC(),
                new AggregateRepository.Settings(1, 1, 0));
        Investor investor = Investor.create(INVESTOR, Money.of("100"));
        investor.placeBid(INVOICE, Money.of("60"));
        investor.commitFunds(Money.of("40"));
        snapshotEveryEvent.save(investor, EventMetadata.causedBy(UUID.randomUUID()));

        Investor restored = snapshotEveryEvent.load(INVESTOR).orElseThrow();

        assertThat(store.latestSnapshot(INVESTOR)).hasValueSatisfying(snapshot -> assertThat(snapshot.version()).isEqualTo(4));
        assertThat(restored.balance()).isEqualTo(Money.of("40"));
        assertThat(restored.reserved()).isEqualTo(Money.of("20"));
        assertThat(restored.committed()).isEqualTo(Money.of("40"));
    }
}

package io.financing.service.invoice;

import static io.financing.eventstore.AggregateFixture.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.financing.api.Money;
import io.financing.api.access.Caller;
import io.financing.api.event.InvoiceEvent.Bid;
import io.financing.api.event.InvoiceEvent.BidOnInvoiceRejected;
import io.financing.api.event.InvoiceEvent.InvoiceApproved;
import io.financing.api.event.InvoiceEvent.InvoiceCreated;
import io.financing.api.event.InvoiceEvent.InvoiceFinanced;
import io.financing.api.event.InvoiceEvent.InvoiceReversed;
import io.financing.api.json.EventJson;
import io.financing.eventstore.AggregateFixture;
import io.financing.eventstore.AggregateRepository;
import io.financing.eventstore.EventMetadata;
import io.financing.eventstore.InMemoryEventStore;
import io.financing.service.PolicyViolation;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InvoiceTest {

    private static final UUID INVOICE = AggregateFixture.ID;
    private static final UUID ISSUER = UUID.randomUUID();
    private static final UUID ANN = UUID.randomUUID();
    private static final UUID BOB = UUID.randomUUID();
    private static final Money TEN = Money.of("10");
    private static final Caller ITS_ISSUER = Caller.issuer(ISSUER);
    private static final Caller ANOTHER_ISSUER = Caller.issuer(UUID.randomUUID());

    private static final InvoiceCreated ON_SALE_FOR_TEN = new InvoiceCreated(INVOICE, ISSUER, TEN);
    private static final Bid ANN_BIDS_TWENTY = new Bid(ANN, Money.of("20"));
    private static final InvoiceFinanced FINANCED_BY_ANN = new InvoiceFinanced(INVOICE, TEN, ANN_BIDS_TWENTY);

    @Test
    void anInvoiceIsPutOnSaleAvailable() {
        Invoice invoice = Invoice.create(INVOICE, ISSUER, TEN);

        assertThat(invoice.changes()).containsExactly(ON_SALE_FOR_TEN);
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.AVAILABLE);
    }

    @Test
    void aBidEqualToTheAskingPriceFinancesIt() {
        Invoice invoice = given(Invoice.TYPE.newAggregate(), ON_SALE_FOR_TEN)
                .when(i -> i.processBid(ANN, TEN))
                .then(new InvoiceFinanced(INVOICE, TEN, new Bid(ANN, TEN)));

        assertThat(invoice.status()).isEqualTo(InvoiceStatus.FINANCED);
        assertThat(invoice.winningBid()).isEqualTo(new Bid(ANN, TEN));
    }

    @Test
    void aBidAboveTheAskingPriceFinancesItWithTheWholeBid() {
        given(Invoice.TYPE.newAggregate(), ON_SALE_FOR_TEN)
                .when(i -> i.processBid(ANN, Money.of("20")))
                .then(FINANCED_BY_ANN);
    }

    @Test
    void aBidBelowTheAskingPriceIsRejected() {
        Invoice invoice = given(Invoice.TYPE.newAggregate(), ON_SALE_FOR_TEN)
                .when(i -> i.processBid(ANN, Money.of("5")))
                .then(new BidOnInvoiceRejected(INVOICE, new Bid(ANN, Money.of("5"))));

        assertThat(invoice.status()).isEqualTo(InvoiceStatus.AVAILABLE);
    }

    @Test
    void aBidOnAFinancedInvoiceIsRejected() {
        given(Invoice.TYPE.newAggregate(), ON_SALE_FOR_TEN, FINANCED_BY_ANN)
                .when(i -> i.processBid(BOB, Money.of("50")))
                .then(new BidOnInvoiceRejected(INVOICE, new Bid(BOB, Money.of("50"))));
    }

    @Test
    void aBidOnAnApprovedInvoiceIsRejected() {
        given(Invoice.TYPE.newAggregate(), ON_SALE_FOR_TEN, FINANCED_BY_ANN,
                new InvoiceApproved(INVOICE, TEN, ANN_BIDS_TWENTY))
                .when(i -> i.processBid(BOB, TEN))
                .then(new BidOnInvoiceRejected(INVOICE, new Bid(BOB, TEN)));
    }

    @Test
    void aBidOnAReversedInvoiceIsRejected() {
        given(Invoice.TYPE.newAggregate(), ON_SALE_FOR_TEN, FINANCED_BY_ANN,
                new InvoiceReversed(INVOICE, TEN, ANN_BIDS_TWENTY))
                .when(i -> i.processBid(BOB, TEN))
                .then(new BidOnInvoiceRejected(INVOICE, new Bid(BOB, TEN)));
    }

    @Test
    void aFinancedInvoiceIsApproved() {
        Invoice invoice = given(Invoice.TYPE.newAggregate(), ON_SALE_FOR_TEN, FINANCED_BY_ANN)
                .when(i -> i.approve(ITS_ISSUER))
                .then(new InvoiceApproved(INVOICE, TEN, ANN_BIDS_TWENTY));

        assertThat(invoice.status()).isEqualTo(InvoiceStatus.APPROVED);
    }

    @Test
    void aFinancedInvoiceIsReversed() {
        Invoice invoice = given(Invoice.TYPE.newAggregate(), ON_SALE_FOR_TEN, FINANCED_BY_ANN)
                .when(i -> i.reverse(ITS_ISSUER))
                .then(new InvoiceReversed(INVOICE, TEN, ANN_BIDS_TWENTY));

        assertThat(invoice.status()).isEqualTo(InvoiceStatus.REVERSED);
    }

    @Test
    void anOperatorDecidesForTheIssuer() {
        given(Invoice.TYPE.newAggregate(), ON_SALE_FOR_TEN, FINANCED_BY_ANN)
                .when(i -> i.approve(Caller.operator("ops")))
                .then(new InvoiceApproved(INVOICE, TEN, ANN_BIDS_TWENTY));
        given(Invoice.TYPE.newAggregate(), ON_SALE_FOR_TEN, FINANCED_BY_ANN)
                .when(i -> i.reverse(Caller.ANYONE))
                .then(new InvoiceReversed(INVOICE, TEN, ANN_BIDS_TWENTY));
    }

    @Test
    void anotherIssuerCannotApproveOrReverseIt() {
        PolicyViolation rejection = given(Invoice.TYPE.newAggregate(), ON_SALE_FOR_TEN, FINANCED_BY_ANN)
                .when(i -> i.approve(ANOTHER_ISSUER))
                .thenRejected(PolicyViolation.class);
        given(Invoice.TYPE.newAggregate(), ON_SALE_FOR_TEN, FINANCED_BY_ANN)
                .when(i -> i.reverse(ANOTHER_ISSUER))
                .thenRejected(PolicyViolation.class);

        assertThat(rejection).hasMessage(ANOTHER_ISSUER + " is not the issuer of invoice " + INVOICE);
    }

    @Test
    void anotherIssuerLearnsNothingOfTheInvoicesState() {
        PolicyViolation rejection = given(Invoice.TYPE.newAggregate(), ON_SALE_FOR_TEN)
                .when(i -> i.approve(ANOTHER_ISSUER))
                .thenRejected(PolicyViolation.class);

        assertThat(rejection).hasMessage(ANOTHER_ISSUER + " is not the issuer of invoice " + INVOICE);
    }

    @Test
    void anInvoiceThatIsNotFinancedCannotBeApprovedOrReversed() {
        PolicyViolation rejection = given(Invoice.TYPE.newAggregate(), ON_SALE_FOR_TEN)
                .when(i -> i.approve(ITS_ISSUER))
                .thenRejected(PolicyViolation.class);
        given(Invoice.TYPE.newAggregate(), ON_SALE_FOR_TEN)
                .when(i -> i.reverse(ITS_ISSUER))
                .thenRejected(PolicyViolation.class);

        assertThat(rejection).hasMessage("Invoice " + INVOICE + " is AVAILABLE; only a FINANCED invoice can be approved");
    }

    @Test
    void anApprovedInvoiceCannotBeReversedNorApprovedAgain() {
        var approved = new InvoiceApproved(INVOICE, TEN, ANN_BIDS_TWENTY);
        given(Invoice.TYPE.newAggregate(), ON_SALE_FOR_TEN, FINANCED_BY_ANN, approved)
                .when(i -> i.reverse(ITS_ISSUER))
                .thenRejected(PolicyViolation.class);
        given(Invoice.TYPE.newAggregate(), ON_SALE_FOR_TEN, FINANCED_BY_ANN, approved)
                .when(i -> i.approve(ITS_ISSUER))
                .thenRejected(PolicyViolation.class);
    }

    @Test
    void aReversedInvoiceStaysReversed() {
        var reversed = new InvoiceReversed(INVOICE, TEN, ANN_BIDS_TWENTY);
        given(Invoice.TYPE.newAggregate(), ON_SALE_FOR_TEN, FINANCED_BY_ANN, reversed)
                .when(i -> i.approve(ITS_ISSUER))
                .thenRejected(PolicyViolation.class);
    }

    @Test
    void anInvoiceRestoredFromItsSnapshotHoldsWhatItsEventsAddUpTo() {
        var store = new InMemoryEventStore();
        var snapshotEveryEvent = new AggregateRepository<>(store, Invoice.TYPE, EventJson.mapper(), Clock.systemUTC(),
                new AggregateRepository.Settings(1, 1, 0));
        Invoice invoice = Invoice.create(INVOICE, ISSUER, TEN);
        invoice.processBid(ANN_BIDS_TWENTY.investorId(), ANN_BIDS_TWENTY.amount());
        snapshotEveryEvent.save(invoice, EventMetadata.causedBy(UUID.randomUUID()));

        Invoice restored = snapshotEveryEvent.load(INVOICE).orElseThrow();

        assertThat(store.latestSnapshot(INVOICE)).hasValueSatisfying(snapshot -> assertThat(snapshot.version()).isEqualTo(2));
        assertThat(restored.issuerId()).isEqualTo(ISSUER);
        assertThat(restored.askingPrice()).isEqualTo(TEN);
        assertThat(restored.status()).isEqualTo(InvoiceStatus.FINANCED);
        assertThat(restored.winningBid()).isEqualTo(ANN_BIDS_TWENTY);
    }
}

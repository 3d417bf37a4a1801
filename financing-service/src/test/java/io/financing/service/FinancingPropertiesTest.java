package io.financing.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.financing.api.Money;
import io.financing.api.command.ApproveFinancing;
import io.financing.api.command.BidOnInvoice;
import io.financing.api.command.ReverseFinancing;
import io.financing.api.command.SellInvoice;
import io.financing.api.event.InvestorEvent.BidOnInvoicePlaced;
import io.financing.api.event.InvestorEvent.InvestorFundsAdded;
import io.financing.api.event.InvestorEvent.InvestorFundsReleased;
import io.financing.api.event.InvoiceEvent.BidOnInvoiceRejected;
import io.financing.api.event.InvoiceEvent.InvoiceFinanced;
import io.financing.api.json.EventJson;
import io.financing.eventstore.StoredEvent;
import io.financing.service.Deliveries.CommandSent;
import io.financing.service.Deliveries.InvestorRegistered;
import io.financing.service.Deliveries.IssuerRegistered;
import io.financing.service.Deliveries.Message;
import io.financing.service.investor.Investor;
import io.financing.service.invoice.Invoice;
import io.financing.service.invoice.InvoiceStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import tools.jackson.databind.json.JsonMapper;

/**
 * Random histories of the Financing context: registrations (the same party registered again among
 * them), commands of every kind on a few parties and invoices, and the saga's own events, delivered as
 * Kafka may deliver them (see {@link Deliveries}): interleaved across aggregates, and redelivered at
 * any later moment. Whatever the history, once every message has been handled the rules of DESIGN.md
 * hold. When one does not, jqwik shrinks the history to a shortest one that still breaks it.
 */
class FinancingPropertiesTest {

    private static final JsonMapper JSON = EventJson.mapper();
    private static final int PARTIES = 2;

    /** One step of a history: a message sent from outside, a delivery, or a redelivery. */
    sealed interface Step {
        void take(Deliveries deliveries);
    }

    record Send(Message message) implements Step {
        public void take(Deliveries deliveries) {
            deliveries.publish(message);
        }
    }

    record Deliver(int pick) implements Step {
        public void take(Deliveries deliveries) {
            deliveries.deliverNext(pick);
        }
    }

    record Redeliver(int pick) implements Step {
        public void take(Deliveries deliveries) {
            deliveries.redeliver(pick);
        }
    }

    @Property(tries = 2000)
    void noHistoryOfDeliveriesBreaksAnInvariant(@ForAll("histories") List<Step> history) {
        var financing = new InMemoryFinancing();
        var deliveries = new Deliveries(financing);

        history.forEach(step -> step.take(deliveries));
        deliveries.drain();

        assertThat(brokenInvariants(financing)).isEmpty();
        Statistics.label("furthest a history went").collect(furthest(financing.store.all()));
    }

    /** The report after the run shows that histories reach every step of the saga, not just the first. */
    private static String furthest(List<StoredEvent> events) {
        return List.of("InvoiceApproved", "InvoiceReversed", "InvoiceFinanced", "BidOnInvoiceRejected", "InvoiceCreated")
                .stream().filter(name -> events.stream().anyMatch(event -> event.name().equals(name)))
                .findFirst().orElse("nothing sold");
    }

    /**
     * A history starts with every party registered, as they would be long before their first command,
     * then goes its random way: more registrations of the same parties among its messages.
     */
    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> send = Arbitraries.frequencyOf(Tuple.of(1, issuerRegistered()), Tuple.of(1, investorRegistered()),
                Tuple.of(3, sellInvoice()), Tuple.of(6, bidOnInvoice()), Tuple.of(2, approveFinancing()),
                Tuple.of(2, reverseFinancing())).map(Send::new);
        Arbitrary<Step> deliver = Arbitraries.integers().between(0, 30).map(Deliver::new);
        Arbitrary<Step> redeliver = Arbitraries.integers().between(0, 200).map(Redeliver::new);
        // Every message its own id: a message seen twice is a redelivery, never a new message that happens to share one.
        Arbitrary<List<Step>> randomWay = Arbitraries.frequencyOf(Tuple.of(4, send), Tuple.of(5, deliver),
                Tuple.of(2, redeliver)).list().ofMaxSize(60).withSizeDistribution(RandomDistribution.uniform())
                .uniqueElements(step -> step instanceof Send sent ? sent.message().consumerAndId() : new Object());
        return Combinators.combine(balances().list().ofSize(PARTIES), randomWay).as((balances, way) -> {
            List<Step> history = registered(balances);
            history.addAll(way);
            return history;
        });
    }

    /** Every party registered, and those registrations delivered. */
    private static List<Step> registered(List<Money> balances) {
        List<Step> prelude = new ArrayList<>();
        for (int n = 0; n < PARTIES; n++) {
            prelude.add(new Send(new IssuerRegistered(new UUID(1, 2 * n), id("issuer", n))));
            prelude.add(new Send(new InvestorRegistered(new UUID(1, 2 * n + 1), id("investor", n), balances.get(n))));
        }
        prelude.addAll(Collections.nCopies(prelude.size(), new Deliver(0)));
        return prelude;
    }

    // What is sent: a few issuers, investors and invoices, so that histories keep meeting on them.

    private static Arbitrary<Message> issuerRegistered() {
        return Combinators.combine(ids(), party("issuer")).as(IssuerRegistered::new);
    }

    private static Arbitrary<Message> investorRegistered() {
        return Combinators.combine(ids(), party("investor"), balances()).as(InvestorRegistered::new);
    }

    private static Arbitrary<Message> sellInvoice() {
        return Combinators.combine(ids(), party("invoice"), party("issuer"), amounts())
                .as((id, invoice, issuer, price) -> new CommandSent(id, new SellInvoice(invoice, issuer, price)));
    }

    private static Arbitrary<Message> bidOnInvoice() {
        return Combinators.combine(ids(), party("investor"), party("invoice"), amounts())
                .as((id, investor, invoice, bid) -> new CommandSent(id, new BidOnInvoice(investor, invoice, bid)));
    }

    private static Arbitrary<Message> approveFinancing() {
        return Combinators.combine(ids(), party("invoice")).as((id, invoice) -> new CommandSent(id, new ApproveFinancing(invoice)));
    }

    private static Arbitrary<Message> reverseFinancing() {
        return Combinators.combine(ids(), party("invoice")).as((id, invoice) -> new CommandSent(id, new ReverseFinancing(invoice)));
    }

    private static Arbitrary<Money> balances() {
        return Arbitraries.of("0", "10.00", "25.00", "100.00").map(Money::of);
    }

    /** The ids of the random part of a history; its prelude's have another most significant half. */
    private static Arbitrary<UUID> ids() {
        return Arbitraries.longs().map(n -> new UUID(0, n));
    }

    private static Arbitrary<UUID> party(String kind) {
        return Arbitraries.integers().between(0, PARTIES - 1).map(n -> id(kind, n));
    }

    private static UUID id(String kind, int n) {
        return UUID.nameUUIDFromBytes((kind + n).getBytes());
    }

    private static Arbitrary<BigDecimal> amounts() {
        return Arbitraries.of("0.01", "5.00", "10.00", "12.50", "30.00").map(BigDecimal::new);
    }

    // The rules, checked on what the store holds.

    private static List<String> brokenInvariants(InMemoryFinancing financing) {
        List<StoredEvent> events = financing.store.all();
        List<String> broken = new ArrayList<>();
        moneyConserved(financing, events, broken);
        financedAtMostOnceByAPlacedBid(events, broken);
        rejectedBidsReleasedInFull(events, broken);
        return broken;
    }

    /**
     * balance + reserved + committed = funds added (none can be negative: {@link Money} never is); once settled, reserved is exactly the
     * asking prices of the invoices the investor won and no one decided on, committed those approved.
     */
    private static void moneyConserved(InMemoryFinancing financing, List<StoredEvent> events, List<String> broken) {
        Map<UUID, Money> added = events.stream().filter(event -> event.name().equals("InvestorFundsAdded"))
                .collect(Collectors.toMap(StoredEvent::streamId, event -> data(event, InvestorFundsAdded.class).amount(), Money::plus));
        List<Invoice> invoices = streams(events, "Invoice").stream().map(financing::invoice).toList();
        for (UUID id : streams(events, "Investor")) {
            Investor investor = financing.investor(id);
            Money total = investor.balance().plus(investor.reserved()).plus(investor.committed());
            if (total.compareTo(added.getOrDefault(id, Money.ZERO)) != 0) {
                broken.add("investor " + id + " holds " + total + " in all, was given " + added.get(id));
            }
            if (investor.reserved().compareTo(wonAndStill(invoices, id, InvoiceStatus.FINANCED)) != 0
                    || investor.committed().compareTo(wonAndStill(invoices, id, InvoiceStatus.APPROVED)) != 0) {
                broken.add("investor " + id + " has " + investor.reserved() + " reserved and " + investor.committed()
                        + " committed, for the invoices it won");
            }
        }
    }

    private static Money wonAndStill(List<Invoice> invoices, UUID investor, InvoiceStatus status) {
        return invoices.stream()
                .filter(invoice -> invoice.status() == status && invoice.winningBid().investorId().equals(investor))
                .map(Invoice::askingPrice).reduce(Money.ZERO, Money::plus);
    }

    private static void financedAtMostOnceByAPlacedBid(List<StoredEvent> events, List<String> broken) {
        List<InvoiceFinanced> financings = events.stream().filter(event -> event.name().equals("InvoiceFinanced"))
                .map(event -> data(event, InvoiceFinanced.class)).toList();
        financings.stream().collect(Collectors.groupingBy(InvoiceFinanced::invoiceId, Collectors.counting()))
                .forEach((invoice, times) -> {
                    if (times > 1) {
                        broken.add("invoice " + invoice + " financed " + times + " times");
                    }
                });
        List<BidOnInvoicePlaced> placed = events.stream().filter(event -> event.name().equals("BidOnInvoicePlaced"))
                .map(event -> data(event, BidOnInvoicePlaced.class)).toList();
        financings.stream().filter(financed -> placed.stream().noneMatch(bid -> bid.invoiceId().equals(financed.invoiceId())
                        && bid.investorId().equals(financed.bid().investorId())
                        && bid.bidAmount().compareTo(financed.bid().amount()) == 0))
                .forEach(financed -> broken.add("invoice " + financed.invoiceId() + " financed by a bid no one placed"));
    }

    /** The saga's release of a rejected bid is caused by the rejection, and gives back all of it. */
    private static void rejectedBidsReleasedInFull(List<StoredEvent> events, List<String> broken) {
        events.stream().filter(event -> event.name().equals("BidOnInvoiceRejected")).forEach(rejection -> {
            Money bid = data(rejection, BidOnInvoiceRejected.class).bid().amount();
            Money released = events.stream().filter(event -> event.name().equals("InvestorFundsReleased")
                            && event.metadata().causationId().equals(rejection.eventId()))
                    .map(event -> data(event, InvestorFundsReleased.class).amount()).reduce(Money.ZERO, Money::plus);
            if (released.compareTo(bid) != 0) {
                broken.add("a bid of " + bid + " rejected (" + rejection.eventId() + "), " + released + " released");
            }
        });
    }

    private static List<UUID> streams(List<StoredEvent> events, String type) {
        return events.stream().filter(event -> event.streamType().equals(type)).map(StoredEvent::streamId).distinct().toList();
    }

    private static <T> T data(StoredEvent event, Class<T> type) {
        return JSON.readValue(event.data(), type);
    }
}

package io.financing.service.invoice;

import io.financing.api.Money;
import io.financing.api.access.Caller;
import io.financing.api.event.EventNames;
import io.financing.api.event.InvoiceEvent;
import io.financing.api.event.InvoiceEvent.Bid;
import io.financing.api.event.InvoiceEvent.BidOnInvoiceRejected;
import io.financing.api.event.InvoiceEvent.InvoiceApproved;
import io.financing.api.event.InvoiceEvent.InvoiceCreated;
import io.financing.api.event.InvoiceEvent.InvoiceFinanced;
import io.financing.api.event.InvoiceEvent.InvoiceReversed;
import io.financing.eventstore.Aggregate;
import io.financing.eventstore.AggregateType;
import io.financing.eventstore.EventTypes;
import io.financing.service.PolicyViolation;
import java.util.UUID;

/** An invoice on sale: financed at most once, by the first bid that covers its asking price. */
public final class Invoice extends Aggregate<InvoiceEvent, Invoice.State> {

    public static final AggregateType<Invoice, InvoiceEvent, State> TYPE = AggregateType.of("Invoice", Invoice::new,
            EventTypes.of(EventNames.of(InvoiceEvent.class)))
            .withSnapshots(State.class, "Invoice.v1");

    /**
     * What an invoice's events add up to, and so its snapshot; the winning bid is null until one finances it.
     * Each event gives the next state; one the switch forgets does not compile.
     */
    public record State(UUID issuerId, Money askingPrice, InvoiceStatus status, Bid winningBid) {

        static final State NEW = new State(null, null, null, null);

        State after(InvoiceEvent event) {
            return switch (event) {
                case InvoiceCreated created ->
                        new State(created.issuerId(), created.askingPrice(), InvoiceStatus.AVAILABLE, null);
                case InvoiceFinanced financed -> new State(issuerId, askingPrice, InvoiceStatus.FINANCED, financed.bid());
                case InvoiceApproved approved -> new State(issuerId, askingPrice, InvoiceStatus.APPROVED, winningBid);
                case InvoiceReversed reversed -> new State(issuerId, askingPrice, InvoiceStatus.REVERSED, winningBid);
                // The invoice only tells the saga to release the bid.
                case BidOnInvoiceRejected rejected -> this;
            };
        }
    }

    private Invoice(UUID id) {
        super(id, State.NEW);
    }

    /** Why a command about an invoice never put on sale is rejected. */
    public static String doesNotExist(UUID invoiceId) {
        return "Invoice " + invoiceId + " does not exist";
    }

    /** Rule 3: the issuer puts an invoice on sale (that the issuer is registered is checked before). */
    public static Invoice create(UUID invoiceId, UUID issuerId, Money askingPrice) {
        var invoice = new Invoice(invoiceId);
        invoice.record(new InvoiceCreated(invoiceId, issuerId, askingPrice));
        return invoice;
    }

    /**
     * Rule 5: a placed bid finances the invoice if it is still available and the bid covers the asking
     * price; otherwise the bid is rejected, and the saga releases it.
     */
    public void processBid(UUID investorId, Money amount) {
        var bid = new Bid(investorId, amount);
        if (status() == InvoiceStatus.AVAILABLE && amount.isAtLeast(askingPrice())) {
            record(new InvoiceFinanced(id(), askingPrice(), bid));
        } else {
            record(new BidOnInvoiceRejected(id(), bid));
        }
    }

    /** Rule 8: the issuer approves a financed invoice. */
    public void approve(Caller decidedBy) {
        requireDecidable(decidedBy, "approved");
        record(new InvoiceApproved(id(), askingPrice(), winningBid()));
    }

    /** Rule 9: the issuer reverses a financed invoice, for good. */
    public void reverse(Caller decidedBy) {
        requireDecidable(decidedBy, "reversed");
        record(new InvoiceReversed(id(), askingPrice(), winningBid()));
    }

    /**
     * Only the invoice's own issuer (or an operator) decides, and only on a financed invoice. Who decides is
     * checked first, so that another issuer learns nothing of the invoice's state.
     */
    private void requireDecidable(Caller decidedBy, String decision) {
        decidedBy.notTheIssuerOf(id(), issuerId()).ifPresent(reason -> {
            throw new PolicyViolation(reason);
        });
        if (status() != InvoiceStatus.FINANCED) {
            throw new PolicyViolation("Invoice " + id() + " is " + status() + "; only a FINANCED invoice can be "
                    + decision);
        }
    }

    public UUID issuerId() {
        return state().issuerId();
    }

    public Money askingPrice() {
        return state().askingPrice();
    }

    public InvoiceStatus status() {
        return state().status();
    }

    public Bid winningBid() {
        return state().winningBid();
    }

    @Override
    protected State next(State state, InvoiceEvent event) {
        return state.after(event);
    }
}

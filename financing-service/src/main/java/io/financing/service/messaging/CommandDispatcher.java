package io.financing.service.messaging;

import io.financing.api.Money;
import io.financing.api.command.ApproveFinancing;
import io.financing.api.command.BidOnInvoice;
import io.financing.api.command.CommandMessage;
import io.financing.api.command.ReverseFinancing;
import io.financing.api.command.SellInvoice;
import io.financing.eventstore.EventMetadata;
import io.financing.eventstore.NewEvent;
import io.financing.service.investor.BiddingOnInvoice;
import io.financing.service.invoice.DecidingOnFinancing;
import io.financing.service.invoice.SellingInvoice;
import java.util.List;

/** Hands each command from the queue to its use case. */
public final class CommandDispatcher {

    private final SellingInvoice sellInvoice;
    private final BiddingOnInvoice bidOnInvoice;
    private final DecidingOnFinancing decidingOnFinancing;

    public CommandDispatcher(SellingInvoice sellInvoice, BiddingOnInvoice bidOnInvoice,
                             DecidingOnFinancing decidingOnFinancing) {
        this.sellInvoice = sellInvoice;
        this.bidOnInvoice = bidOnInvoice;
        this.decidingOnFinancing = decidingOnFinancing;
    }

    /**
     * @return the events the command stored
     * @throws io.financing.service.PolicyViolation if a rule refuses it
     */
    public List<NewEvent> dispatch(CommandMessage message, EventMetadata metadata) {
        return switch (message.data()) {
            case SellInvoice sell ->
                    sellInvoice.handle(sell.invoiceId(), sell.issuerId(), new Money(sell.askingPrice()), metadata);
            case BidOnInvoice bid -> bidOnInvoice.handle(bid.investorId(), bid.invoiceId(), new Money(bid.bid()), metadata);
            case ApproveFinancing approve -> decidingOnFinancing.approve(approve.invoiceId(), message.issuedBy(), metadata);
            case ReverseFinancing reverse -> decidingOnFinancing.reverse(reverse.invoiceId(), message.issuedBy(), metadata);
        };
    }
}

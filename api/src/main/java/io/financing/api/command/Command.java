package io.financing.api.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.UUID;

/**
 * A command as it travels on {@code financing.commands}, validated by the listener. Each names the
 * aggregate it is addressed to; that id is the record's key, so one aggregate's commands keep their order.
 */
public sealed interface Command permits SellInvoice, BidOnInvoice, ApproveFinancing, ReverseFinancing {

    /** The aggregate the command is addressed to. */
    @JsonIgnore
    UUID aggregateId();
}

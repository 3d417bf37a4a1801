package io.financing.api.command;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.util.UUID;

/** The investor bids on an invoice; addressed to the investor, whose balance it reserves first. */
public record BidOnInvoice(UUID investorId, UUID invoiceId,
                           @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal bid) implements Command {

    @Override
    public UUID aggregateId() {
        return investorId;
    }
}

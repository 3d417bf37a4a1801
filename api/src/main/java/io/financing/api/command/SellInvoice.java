package io.financing.api.command;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.util.UUID;

/** The issuer puts a new invoice on sale; the listener has given the invoice its id. */
public record SellInvoice(UUID invoiceId, UUID issuerId,
                          @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal askingPrice) implements Command {

    @Override
    public UUID aggregateId() {
        return invoiceId;
    }
}

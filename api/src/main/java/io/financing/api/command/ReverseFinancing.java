package io.financing.api.command;

import java.util.UUID;

/** The issuer reverses the financing of an invoice. */
public record ReverseFinancing(UUID invoiceId) implements Command {

    @Override
    public UUID aggregateId() {
        return invoiceId;
    }
}

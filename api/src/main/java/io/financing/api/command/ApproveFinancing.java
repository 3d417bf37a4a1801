package io.financing.api.command;

import java.util.UUID;

/** The issuer approves the financing of an invoice. */
public record ApproveFinancing(UUID invoiceId) implements Command {

    @Override
    public UUID aggregateId() {
        return invoiceId;
    }
}

package io.financing.api.event;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.UUID;

/** What happens to an issuer in the Financing context (stream type {@code Issuer}). */
public sealed interface IssuerEvent extends FinancingEvent {

    /** The issuer, registered in the Registering context, can now sell invoices. */
    @JsonTypeName("IssuerCreated")
    record IssuerCreated(UUID issuerId) implements IssuerEvent {
    }
}

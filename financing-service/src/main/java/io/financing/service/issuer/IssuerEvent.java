package io.financing.service.issuer;

import java.util.UUID;

/** What happens to an issuer in the Financing context. */
public sealed interface IssuerEvent permits IssuerEvent.IssuerCreated {

    /** The issuer, registered in the Registering context, can now sell invoices. */
    record IssuerCreated(UUID issuerId) implements IssuerEvent {
    }
}

package io.financing.service.issuer;

import io.financing.eventstore.EventMetadata;
import io.financing.eventstore.NewEvent;
import io.financing.service.Aggregates;
import java.util.List;
import java.util.UUID;

/** Rule 1: whenever an issuer is registered, create it; one that exists already is left as it is. */
public final class RegisteringIssuer {

    private final Aggregates<Issuer> issuers;

    public RegisteringIssuer(Aggregates<Issuer> issuers) {
        this.issuers = issuers;
    }

    public List<NewEvent> handle(UUID issuerId, EventMetadata metadata) {
        if (issuers.exists(issuerId)) {
            return List.of();
        }
        return issuers.add(Issuer.create(issuerId), metadata);
    }
}

package io.financing.service.issuer;

import io.financing.eventstore.AggregateRepository;
import io.financing.eventstore.EventMetadata;
import io.financing.eventstore.StoredEvent;
import java.util.List;
import java.util.UUID;

/** Rule 1: whenever an issuer is registered, create it; one that exists already is left as it is. */
public final class RegisteringIssuer {

    private final AggregateRepository<Issuer, IssuerEvent> issuers;

    public RegisteringIssuer(AggregateRepository<Issuer, IssuerEvent> issuers) {
        this.issuers = issuers;
    }

    public List<StoredEvent> handle(UUID issuerId, EventMetadata metadata) {
        if (issuers.contains(issuerId)) {
            return List.of();
        }
        return issuers.save(Issuer.create(issuerId), metadata).events();
    }
}

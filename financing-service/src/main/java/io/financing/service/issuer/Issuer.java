package io.financing.service.issuer;

import io.financing.eventstore.Aggregate;
import io.financing.eventstore.AggregateType;
import io.financing.eventstore.EventTypes;
import io.financing.service.issuer.IssuerEvent.IssuerCreated;
import java.util.UUID;

/** An issuer, who sells invoices and decides on their financing. Its existence is all that matters here. */
public final class Issuer extends Aggregate<IssuerEvent> {

    public static final AggregateType<Issuer, IssuerEvent> TYPE = AggregateType.of("Issuer", Issuer::new,
            EventTypes.of(IssuerEvent.class).add("IssuerCreated", IssuerCreated.class).build());

    private Issuer(UUID id) {
        super(id);
    }

    /** Rule 1: whenever an issuer is registered, create it. */
    public static Issuer create(UUID issuerId) {
        var issuer = new Issuer(issuerId);
        issuer.record(new IssuerCreated(issuerId));
        return issuer;
    }

    @Override
    protected void apply(IssuerEvent event) {
        // Nothing to remember: an issuer that has an event exists.
    }
}

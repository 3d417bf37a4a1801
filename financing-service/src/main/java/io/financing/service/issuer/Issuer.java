package io.financing.service.issuer;

import io.financing.api.event.EventNames;
import io.financing.api.event.IssuerEvent;
import io.financing.api.event.IssuerEvent.IssuerCreated;
import io.financing.eventstore.Aggregate;
import io.financing.eventstore.AggregateType;
import io.financing.eventstore.EventTypes;
import java.util.UUID;

/** An issuer, who sells invoices and decides on their financing. Its existence is all that matters here. */
public final class Issuer extends Aggregate<IssuerEvent, Void> {

    public static final AggregateType<Issuer, IssuerEvent, Void> TYPE = AggregateType.of("Issuer", Issuer::new,
            EventTypes.of(EventNames.of(IssuerEvent.class)));

    private Issuer(UUID id) {
        super(id, null);
    }

    /** Why a command about an issuer the Registering context never registered is rejected. */
    public static String notRegistered(UUID issuerId) {
        return "Issuer " + issuerId + " is not registered";
    }

    /** Rule 1: whenever an issuer is registered, create it. */
    public static Issuer create(UUID issuerId) {
        var issuer = new Issuer(issuerId);
        issuer.record(new IssuerCreated(issuerId));
        return issuer;
    }

    /** Nothing to remember: an issuer that has an event exists. */
    @Override
    protected Void next(Void state, IssuerEvent event) {
        return null;
    }
}

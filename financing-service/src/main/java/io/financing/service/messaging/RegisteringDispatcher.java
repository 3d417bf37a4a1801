package io.financing.service.messaging;

import io.financing.api.event.RegisteringEvent;
import io.financing.api.event.RegisteringEvent.InvestorRegistered;
import io.financing.api.event.RegisteringEvent.IssuerRegistered;
import io.financing.eventstore.EventMetadata;
import io.financing.eventstore.NewEvent;
import io.financing.service.investor.RegisteringInvestor;
import io.financing.service.issuer.RegisteringIssuer;
import java.util.List;

/** Hands the Registering context's integration events to their use cases. */
public final class RegisteringDispatcher {

    private final RegisteringIssuer registeringIssuer;
    private final RegisteringInvestor registeringInvestor;

    public RegisteringDispatcher(RegisteringIssuer registeringIssuer, RegisteringInvestor registeringInvestor) {
        this.registeringIssuer = registeringIssuer;
        this.registeringInvestor = registeringInvestor;
    }

    public List<NewEvent> dispatch(RegisteringEvent event, EventMetadata metadata) {
        return switch (event) {
            case IssuerRegistered issuer -> registeringIssuer.handle(issuer.issuerId(), metadata);
            case InvestorRegistered investor ->
                    registeringInvestor.handle(investor.investorId(), investor.balance(), metadata);
        };
    }
}

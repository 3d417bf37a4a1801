package io.financing.service.messaging;

import io.financing.eventstore.EventMetadata;
import io.financing.eventstore.StoredEvent;
import io.financing.service.investor.RegisteringInvestor;
import io.financing.service.issuer.RegisteringIssuer;
import io.financing.api.Money;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Hands the Registering context's integration events to their use cases:
 * <pre>
 * { "eventId": "uuid", "name": "IssuerRegistered",   "data": { "issuerId": "uuid", "name": "ACME" } }
 * { "eventId": "uuid", "name": "InvestorRegistered", "data": { "investorId": "uuid", "name": "Ann", "balance": "100.00" } }
 * </pre>
 * Other names are not for this context and are ignored.
 */
public final class RegisteringDispatcher {

    private final RegisteringIssuer registeringIssuer;
    private final RegisteringInvestor registeringInvestor;

    public RegisteringDispatcher(RegisteringIssuer registeringIssuer, RegisteringInvestor registeringInvestor) {
        this.registeringIssuer = registeringIssuer;
        this.registeringInvestor = registeringInvestor;
    }

    public List<StoredEvent> dispatch(String name, JsonNode data, EventMetadata metadata) {
        return switch (name) {
            case "IssuerRegistered" -> registeringIssuer.handle(Messages.field(data, "issuerId", UUID::fromString), metadata);
            case "InvestorRegistered" -> registeringInvestor.handle(
                    Messages.field(data, "investorId", UUID::fromString), Messages.field(data, "balance", Money::of),
                    metadata);
            default -> List.of();
        };
    }
}

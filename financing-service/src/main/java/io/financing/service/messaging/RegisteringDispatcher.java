package io.financing.service.messaging;

import io.financing.eventstore.EventMetadata;
import io.financing.eventstore.StoredEvent;
import io.financing.service.investor.RegisteringInvestor;
import io.financing.service.issuer.RegisteringIssuer;
import io.financing.service.money.Money;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
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
            case "IssuerRegistered" -> registeringIssuer.handle(field(data, "issuerId", UUID::fromString), metadata);
            case "InvestorRegistered" -> registeringInvestor.handle(field(data, "investorId", UUID::fromString),
                    field(data, "balance", Money::of), metadata);
            default -> List.of();
        };
    }

    /** Reads a field that must be there and parse; a message without it can never be processed. */
    static <T> T field(JsonNode data, String name, Function<String, T> parse) {
        JsonNode value = data == null ? null : data.get(name);
        if (value == null || value.isNull()) {
            throw new MalformedMessageException("data." + name + " is missing");
        }
        try {
            return parse.apply(value.asString());
        } catch (RuntimeException e) {
            throw new MalformedMessageException("data." + name + " is not valid: " + value, e);
        }
    }
}

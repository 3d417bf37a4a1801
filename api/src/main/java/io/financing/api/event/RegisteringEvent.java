package io.financing.api.event;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.financing.api.Money;
import java.util.UUID;

/**
 * The Registering context's integration events, on {@code registering.events}: the parties it has
 * registered, which the Financing context then lets act. A message on that topic, keyed by the party:
 * <pre>
 * { "eventId": "uuid", "name": "(the event's name)", "data": { "investorId": "uuid", "name": "Ann", "balance": "100.00" } }
 * </pre>
 */
public sealed interface RegisteringEvent {

    /** The party's id, the message's key. */
    UUID partyId();

    @JsonTypeName("IssuerRegistered")
    record IssuerRegistered(UUID issuerId, String name) implements RegisteringEvent {

        @Override
        public UUID partyId() {
            return issuerId;
        }
    }

    /** @param balance the opening balance */
    @JsonTypeName("InvestorRegistered")
    record InvestorRegistered(UUID investorId, String name, Money balance) implements RegisteringEvent {

        @Override
        public UUID partyId() {
            return investorId;
        }
    }
}

package io.financing.api.command;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.financing.api.access.Caller;
import java.time.Instant;
import java.util.UUID;

/**
 * The JSON value of a record on {@code financing.commands}; its key is {@code aggregateId}:
 * <pre>
 * { "commandId": "uuid", "name": "BidOnInvoice", "aggregateId": "uuid", "issuedAt": "2026-11-27T10:00:00.123Z",
 *   "issuedBy": { "role": "investor", "subject": "uuid" },
 *   "data": { "investorId": "uuid", "invoiceId": "uuid", "bid": "10.00" } }
 * </pre>
 * {@code name} says which command {@code data} holds. {@code issuedBy} is the caller the listener
 * authenticated: the invoice needs it to know whether a decision comes from its own issuer. A message
 * without one (written while authentication was off) is from {@link Caller#ANYONE}. The same {@code commandId} may arrive more than
 * once (client retries, redelivery); consumers give it one effect.
 */
public record CommandMessage(
        UUID commandId,
        UUID aggregateId,
        Instant issuedAt,
        Caller issuedBy,
        @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXTERNAL_PROPERTY, property = "name")
        @JsonSubTypes({
                @JsonSubTypes.Type(value = SellInvoice.class, name = "SellInvoice"),
                @JsonSubTypes.Type(value = BidOnInvoice.class, name = "BidOnInvoice"),
                @JsonSubTypes.Type(value = ApproveFinancing.class, name = "ApproveFinancing"),
                @JsonSubTypes.Type(value = ReverseFinancing.class, name = "ReverseFinancing")})
        Command data) {

    public CommandMessage {
        issuedBy = issuedBy == null ? Caller.ANYONE : issuedBy;
    }

    public static CommandMessage of(UUID commandId, Instant issuedAt, Caller issuedBy, Command data) {
        return new CommandMessage(commandId, data.aggregateId(), issuedAt, issuedBy, data);
    }

    /** The command's name, as in the {@code name} field. */
    public String name() {
        return data.getClass().getSimpleName();
    }
}

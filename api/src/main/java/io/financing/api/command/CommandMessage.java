package io.financing.api.command;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.UUID;

/**
 * The JSON value of a record on {@code financing.commands}; its key is {@code aggregateId}:
 * <pre>
 * { "commandId": "uuid", "name": "BidOnInvoice", "aggregateId": "uuid", "issuedAt": "2026-11-27T10:00:00.123Z",
 *   "data": { "investorId": "uuid", "invoiceId": "uuid", "bid": "10.00" } }
 * </pre>
 * {@code name} says which command {@code data} holds. The same {@code commandId} may arrive more than
 * once (client retries, redelivery); consumers give it one effect.
 */
public record CommandMessage(
        UUID commandId,
        UUID aggregateId,
        Instant issuedAt,
        @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXTERNAL_PROPERTY, property = "name")
        @JsonSubTypes({
                @JsonSubTypes.Type(value = SellInvoice.class, name = "SellInvoice"),
                @JsonSubTypes.Type(value = BidOnInvoice.class, name = "BidOnInvoice"),
                @JsonSubTypes.Type(value = ApproveFinancing.class, name = "ApproveFinancing"),
                @JsonSubTypes.Type(value = ReverseFinancing.class, name = "ReverseFinancing")})
        Command data) {

    public static CommandMessage of(UUID commandId, Instant issuedAt, Command data) {
        return new CommandMessage(commandId, data.aggregateId(), issuedAt, data);
    }

    /** The command's name, as in the {@code name} field. */
    public String name() {
        return data.getClass().getSimpleName();
    }
}

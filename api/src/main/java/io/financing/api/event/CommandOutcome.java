package io.financing.api.event;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import java.util.UUID;

/**
 * What became of a command: one event in a stream of its own (stream type {@code Command}, id = the
 * command id), stored with the command's effects.
 */
public sealed interface CommandOutcome extends FinancingEvent {

    UUID commandId();

    /** @param command the command's name ("BidOnInvoice") */
    @JsonTypeName("CommandSucceeded")
    record CommandSucceeded(UUID commandId, String command, List<UUID> eventIds) implements CommandOutcome {
    }

    /** @param reason the rule that refused it, in words a person reads */
    @JsonTypeName("CommandRejected")
    record CommandRejected(UUID commandId, String command, String reason) implements CommandOutcome {
    }
}

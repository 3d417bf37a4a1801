package io.financing.api.event;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.financing.api.access.Caller;
import java.util.List;
import java.util.UUID;

/**
 * What became of a command: one event in a stream of its own (stream type {@code Command}, id = the
 * command id), stored with the command's effects. It names who issued the command, who alone (with the
 * operators) may read it; one stored while authentication was off was issued by {@link Caller#ANYONE}.
 */
public sealed interface CommandOutcome extends FinancingEvent {

    UUID commandId();

    Caller issuedBy();

    /** @param command the command's name ("BidOnInvoice") */
    @JsonTypeName("CommandSucceeded")
    record CommandSucceeded(UUID commandId, String command, Caller issuedBy, List<UUID> eventIds)
            implements CommandOutcome {

        public CommandSucceeded {
            issuedBy = issuedBy == null ? Caller.ANYONE : issuedBy;
        }
    }

    /** @param reason the rule that refused it, in words a person reads */
    @JsonTypeName("CommandRejected")
    record CommandRejected(UUID commandId, String command, Caller issuedBy, String reason) implements CommandOutcome {

        public CommandRejected {
            issuedBy = issuedBy == null ? Caller.ANYONE : issuedBy;
        }
    }
}

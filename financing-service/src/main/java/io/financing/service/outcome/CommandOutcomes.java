package io.financing.service.outcome;

import io.financing.api.command.CommandMessage;
import io.financing.api.event.CommandOutcome;
import io.financing.api.event.CommandOutcome.CommandRejected;
import io.financing.api.event.CommandOutcome.CommandSucceeded;
import io.financing.api.event.EventNames;
import io.financing.eventstore.EventMetadata;
import io.financing.eventstore.NewEvent;
import io.financing.eventstore.StagedWrites;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * What became of each command, kept in the event store as a stream of its own (type {@code Command},
 * id = the command id), written with the command's effects by the batch that handles it ({@link StagedWrites}).
 * The relayer publishes it like any event, and the query side answers GetCommandStatus from it:
 * <pre>
 * CommandSucceeded {"commandId": "…", "command": "BidOnInvoice", "issuedBy": {"role": "investor", "subject": "…"},
 *                   "eventIds": ["…"]}
 * CommandRejected  {"commandId": "…", "command": "BidOnInvoice", "issuedBy": {"role": "investor", "subject": "…"},
 *                   "reason": "Investor … has 5.00 available, bid was 10.00"}
 * </pre>
 */
public final class CommandOutcomes {

    public static final String STREAM_TYPE = "Command";

    private final JsonMapper json;
    private final Clock clock;

    public CommandOutcomes(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    public void succeeded(CommandMessage command, List<NewEvent> events, EventMetadata metadata) {
        record(command, new CommandSucceeded(command.commandId(), command.name(), command.issuedBy(),
                events.stream().map(NewEvent::eventId).toList()), metadata);
    }

    public void rejected(CommandMessage command, String reason, EventMetadata metadata) {
        record(command, new CommandRejected(command.commandId(), command.name(), command.issuedBy(), reason), metadata);
    }

    private void record(CommandMessage command, CommandOutcome outcome, EventMetadata metadata) {
        StagedWrites batch = StagedWrites.current()
                .orElseThrow(() -> new IllegalStateException("An outcome is written by the batch that handles its command"));
        batch.create(command.commandId(), STREAM_TYPE, List.of(new NewEvent(UUID.randomUUID(),
                EventNames.nameOf(outcome.getClass()), json.writeValueAsString(outcome), metadata, clock.instant())));
    }
}

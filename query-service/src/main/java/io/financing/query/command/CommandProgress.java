package io.financing.query.command;

import io.financing.api.saga.Settling;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What became of a command so far, as the read models hold it.
 *
 * @param status  its outcome, or none while it is not processed (yet)
 * @param events  every event it caused so far, in causal order, each listed once its cause is: the read models
 *                project different aggregates' events independently, and an event shown before its cause would
 *                make the list change under the client instead of grow. None while the outcome is unknown, since
 *                until then nobody knows whose command it is
 * @param settled no saga step is still to come for it ({@link Settling})
 */
public record CommandProgress(UUID commandId, Optional<CommandStatusRow> status, List<CausedEvent> events,
                              boolean settled) {

    /** @param caused the events projected so far, in the order they were stored */
    static CommandProgress of(UUID commandId, Optional<CommandStatusRow> status, List<CausedEvent> caused) {
        List<CausedEvent> events = status.isPresent() ? reachedFrom(commandId, caused) : List.of();
        Optional<List<UUID>> produced = status.map(row -> row.eventIds().stream().map(UUID::fromString).toList());
        return new CommandProgress(commandId, status, events,
                Settling.settled(produced, events.stream().map(CausedEvent::asCaused).toList()));
    }

    /** Those of the events whose causes, back to the command, are all there: a cause is stored before its effects. */
    private static List<CausedEvent> reachedFrom(UUID commandId, List<CausedEvent> caused) {
        Set<UUID> reached = new HashSet<>(Set.of(commandId));
        List<CausedEvent> events = new ArrayList<>();
        for (CausedEvent event : caused) {
            if (reached.contains(event.causationId())) {
                events.add(event);
                reached.add(event.eventId());
            }
        }
        return events;
    }
}

package io.financing.query.command;

import io.financing.query.projection.ConversationProjection;
import io.financing.query.projection.ProjectedEvent;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Records the events each command caused, in the read models' transaction, and announces that the commands'
 * progress changed: the announcement is delivered when that transaction commits, never before its rows are there.
 */
@Component
class CausedEventsProjection implements ConversationProjection {

    private final CausedEvents causedEvents;
    private final ProgressNotices notices;

    CausedEventsProjection(CausedEvents causedEvents, ProgressNotices notices) {
        this.causedEvents = causedEvents;
        this.notices = notices;
    }

    @Override
    public void applyAll(List<ProjectedEvent> events) {
        // A command's outcome is its status, not an event it caused.
        causedEvents.insertAll(events.stream()
                .filter(event -> !event.aggregateType().equals(CommandStatusProjection.OUTCOMES)).toList());
        Set<UUID> conversations = events.stream().map(ProjectedEvent::correlationId).collect(Collectors.toSet());
        notices.announce(conversations);
    }
}

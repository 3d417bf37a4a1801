package io.financing.query.command;

import io.financing.api.event.CommandOutcome;
import io.financing.api.event.CommandOutcome.CommandRejected;
import io.financing.api.event.CommandOutcome.CommandSucceeded;
import io.financing.query.projection.ProjectedEvent;
import io.financing.query.projection.Projection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Command statuses, from the outcome the financing-service stores for each command (one event each). */
@Component
class CommandStatusProjection implements Projection {

    /** The stream type of commands' outcomes, one stream per command. */
    static final String OUTCOMES = "Command";

    private final CommandStatusRows rows;

    CommandStatusProjection(CommandStatusRows rows) {
        this.rows = rows;
    }

    @Override
    public String aggregateType() {
        return OUTCOMES;
    }

    @Override
    public String readModel() {
        return "command_statuses";
    }

    /** One query for the statuses already known (a redelivered outcome changes nothing), then one batch of inserts. */
    @Override
    public void applyAll(List<ProjectedEvent> outcomes) {
        Set<UUID> known = rows.known(outcomes.stream().map(ProjectedEvent::aggregateId).distinct().toList());
        Map<UUID, CommandStatusRow> made = new LinkedHashMap<>();
        for (ProjectedEvent outcome : outcomes) {
            if (outcome.event().isPresent() && !known.contains(outcome.aggregateId())) {
                made.putIfAbsent(outcome.aggregateId(), status(outcome, (CommandOutcome) outcome.event().get()));
            }
        }
        rows.insertAll(made.values());
    }

    private static CommandStatusRow status(ProjectedEvent stored, CommandOutcome outcome) {
        UUID commandId = stored.aggregateId();
        return switch (outcome) {
            case CommandSucceeded succeeded -> new CommandStatusRow(commandId, succeeded.issuedBy(), "SUCCEEDED", "",
                    succeeded.eventIds().stream().map(UUID::toString).toList(), stored.occurredAt());
            case CommandRejected rejected -> new CommandStatusRow(commandId, rejected.issuedBy(), "REJECTED",
                    rejected.reason(), List.of(), stored.occurredAt());
        };
    }
}

package io.financing.query.command;

import io.financing.query.projection.InsertableRow;
import io.financing.query.projection.ProjectedEvent;
import io.financing.query.projection.Projection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Command statuses, from the outcome the financing-service stores for each command (one event each). */
@Component
class CommandStatusProjection implements Projection {

    private final CommandStatusRows rows;

    CommandStatusProjection(CommandStatusRows rows) {
        this.rows = rows;
    }

    @Override
    public String aggregateType() {
        return "Command";
    }

    /** One query for the statuses already known (a redelivered outcome changes nothing), then inserts. */
    @Override
    public void applyAll(List<ProjectedEvent> outcomes) {
        Set<UUID> known = new HashSet<>(InsertableRow.rowsOf(outcomes, rows).keySet());
        for (ProjectedEvent outcome : outcomes) {
            if (known.add(outcome.aggregateId())) {
                rows.save(status(outcome));
            }
        }
    }

    private static CommandStatusRow status(ProjectedEvent outcome) {
        return switch (outcome.name()) {
            case "CommandSucceeded" -> new CommandStatusRow(outcome.aggregateId(), "SUCCEEDED", "", eventIds(outcome));
            case "CommandRejected" -> new CommandStatusRow(outcome.aggregateId(), "REJECTED", outcome.text("reason"),
                    List.of());
            default -> throw new IllegalArgumentException("Unknown command outcome " + outcome.name());
        };
    }

    private static List<String> eventIds(ProjectedEvent outcome) {
        List<String> ids = new ArrayList<>();
        outcome.at("eventIds").forEach(id -> ids.add(id.asString()));
        return ids;
    }
}

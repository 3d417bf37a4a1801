package io.financing.query.command;

import io.financing.query.projection.ProjectedEvent;
import io.financing.query.projection.Projection;
import java.util.ArrayList;
import java.util.List;
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

    @Override
    public void apply(ProjectedEvent outcome) {
        if (rows.existsById(outcome.aggregateId())) {
            return;
        }
        switch (outcome.name()) {
            case "CommandSucceeded" -> rows.save(new CommandStatusRow(outcome.aggregateId(), "SUCCEEDED", "",
                    eventIds(outcome)));
            case "CommandRejected" -> rows.save(new CommandStatusRow(outcome.aggregateId(), "REJECTED",
                    outcome.text("reason"), List.of()));
            default -> throw new IllegalArgumentException("Unknown command outcome " + outcome.name());
        }
    }

    private static List<String> eventIds(ProjectedEvent outcome) {
        List<String> ids = new ArrayList<>();
        outcome.at("eventIds").forEach(id -> ids.add(id.asString()));
        return ids;
    }
}

package io.financing.query.command;

import jakarta.persistence.Column;
import io.financing.query.projection.InsertableRow;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;

/** What became of a command: SUCCEEDED with the events it produced, or REJECTED with the reason. */
@Entity
@Table(name = "command_statuses")
public class CommandStatusRow extends InsertableRow {

    @Id
    @Column(name = "command_id")
    private UUID commandId;
    private String state;
    private String reason;
    @Column(name = "event_ids")
    private String eventIds;

    protected CommandStatusRow() {
    }

    CommandStatusRow(UUID commandId, String state, String reason, List<String> eventIds) {
        super(true);
        this.commandId = commandId;
        this.state = state;
        this.reason = reason;
        this.eventIds = String.join(",", eventIds);
    }

    @Override
    public UUID getId() {
        return commandId;
    }

    public String state() {
        return state;
    }

    public String reason() {
        return reason;
    }

    public List<String> eventIds() {
        return eventIds.isEmpty() ? List.of() : List.of(eventIds.split(","));
    }
}

package io.financing.query.command;

import io.financing.api.access.Caller;
import io.financing.api.access.Caller.Role;
import io.financing.query.projection.InsertableRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;

/** What became of a command, and who sent it: SUCCEEDED with the events it produced, or REJECTED with the reason. */
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
    @Column(name = "issued_by_role")
    private String issuedByRole;
    @Column(name = "issued_by_subject")
    private String issuedBySubject;

    protected CommandStatusRow() {
    }

    CommandStatusRow(UUID commandId, Caller issuedBy, String state, String reason, List<String> eventIds) {
        super(true);
        this.commandId = commandId;
        this.issuedByRole = issuedBy.role().claim();
        this.issuedBySubject = issuedBy.subject();
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

    /** Who sent the command: who, with the operators, may read what became of it. */
    public Caller issuedBy() {
        return new Caller(Role.ofClaim(issuedByRole).orElseThrow(), issuedBySubject);
    }

    public List<String> eventIds() {
        return eventIds.isEmpty() ? List.of() : List.of(eventIds.split(","));
    }
}

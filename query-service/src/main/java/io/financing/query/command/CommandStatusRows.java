package io.financing.query.command;

import io.financing.api.access.Caller;
import io.financing.api.access.Caller.Role;
import io.financing.query.projection.ProjectedRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code command_statuses} read model: one row per command, written once. */
@Repository
public class CommandStatusRows {

    private final JdbcTemplate jdbc;

    CommandStatusRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static final String SELECT = "SELECT command_id, issued_by_role, issued_by_subject, state, reason,"
            + " event_ids, decided_at FROM command_statuses";

    public Optional<CommandStatusRow> findById(UUID commandId) {
        return jdbc.query(SELECT + " WHERE command_id = ?", (columns, rowNumber) -> row(columns), commandId)
                .stream().findFirst();
    }

    /** The statuses of those of the commands that were processed, by command id. */
    Map<UUID, CommandStatusRow> findAllById(Collection<UUID> commandIds) {
        Map<UUID, CommandStatusRow> byId = new HashMap<>();
        jdbc.query(SELECT + " WHERE command_id = ANY (?)", ProjectedRows.anyOf(commandIds),
                (columns, rowNumber) -> byId.put(columns.getObject(1, UUID.class), row(columns)));
        return byId;
    }

    /** Those of the commands whose status is stored already. */
    Set<UUID> known(Collection<UUID> commandIds) {
        Set<UUID> known = new HashSet<>();
        jdbc.query("SELECT command_id FROM command_statuses WHERE command_id = ANY (?)", ProjectedRows.anyOf(commandIds),
                (columns, rowNumber) -> known.add(columns.getObject(1, UUID.class)));
        return known;
    }

    void insertAll(Collection<CommandStatusRow> statuses) {
        jdbc.batchUpdate("INSERT INTO command_statuses"
                        + " (command_id, issued_by_role, issued_by_subject, state, reason, event_ids, decided_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (command_id) DO NOTHING", statuses, statuses.size(),
                (statement, status) -> {
                    statement.setObject(1, status.commandId());
                    statement.setString(2, status.issuedBy().role().claim());
                    statement.setString(3, status.issuedBy().subject());
                    statement.setString(4, status.state());
                    statement.setString(5, status.reason());
                    statement.setString(6, String.join(",", status.eventIds()));
                    statement.setObject(7, status.decidedAt().atOffset(ZoneOffset.UTC));
                });
    }

    private static CommandStatusRow row(ResultSet columns) throws SQLException {
        String eventIds = columns.getString(6);
        return new CommandStatusRow(columns.getObject(1, UUID.class),
                new Caller(Role.ofClaim(columns.getString(2)).orElseThrow(), columns.getString(3)),
                columns.getString(4), columns.getString(5), eventIds.isEmpty() ? List.of() : List.of(eventIds.split(",")),
                columns.getObject(7, OffsetDateTime.class).toInstant());
    }
}

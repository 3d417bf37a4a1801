package io.financing.query.command;

import io.financing.api.access.Caller;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What became of a command, and who sent it: SUCCEEDED with the events it produced, or REJECTED with the reason.
 *
 * @param issuedBy  who sent the command: who, with the operators, may read what became of it
 * @param decidedAt when its outcome was stored: what is kept of a command goes by this age
 */
public record CommandStatusRow(UUID commandId, Caller issuedBy, String state, String reason, List<String> eventIds,
                               Instant decidedAt) {
}

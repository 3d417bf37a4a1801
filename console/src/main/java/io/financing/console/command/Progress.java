package io.financing.console.command;

import io.financing.api.v1.CommandProgress;
import java.util.List;

/**
 * A command's progress as the page draws it: its outcome so far, every event it caused in causal order, and whether
 * the saga has anything still to do for it.
 *
 * @param state UNKNOWN (not decided yet), SUCCEEDED or REJECTED
 */
record Progress(String commandId, String state, String reason, List<Step> events, boolean settled) {

    /** One event the command caused, directly or through the saga. */
    record Step(String eventId, String name, String aggregateType, String aggregateId, long version) {
    }

    static Progress of(CommandProgress progress) {
        var status = progress.getStatus();
        return new Progress(status.getCommandId(), status.getState().name(), status.getReason(),
                progress.getEventsList().stream().map(event -> new Step(event.getEventId(), event.getName(),
                        event.getAggregateType(), event.getAggregateId().getValue(), event.getVersion())).toList(),
                progress.getSettled());
    }
}

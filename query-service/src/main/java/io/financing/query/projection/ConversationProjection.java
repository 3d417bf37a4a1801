package io.financing.query.projection;

import java.util.List;

/**
 * Keeps something of every event, whatever its aggregate: what each conversation (a command and all it caused)
 * holds so far. Applied after the read models, in their transaction, so it never runs ahead of their rows.
 */
public interface ConversationProjection {

    /** Applies a batch's events, in their order. */
    void applyAll(List<ProjectedEvent> events);
}

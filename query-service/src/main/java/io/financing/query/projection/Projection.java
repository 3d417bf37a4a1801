package io.financing.query.projection;

import java.util.List;

/** Keeps one read model up to date with the events of one aggregate type. */
public interface Projection {

    /** The aggregate type whose events it applies ("Investor"). */
    String aggregateType();

    /** The read model it keeps, by its table's name ("investors"), as metrics label it. */
    String readModel();

    /** Applies events of its aggregate type, in the order given (their order in the store). */
    void applyAll(List<ProjectedEvent> events);
}

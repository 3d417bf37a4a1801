package io.financing.query.projection;

/** Keeps one read model up to date with the events of one aggregate type. */
public interface Projection {

    /** The aggregate type whose events it applies ("Investor"). */
    String aggregateType();

    void apply(ProjectedEvent event);
}

package io.financing.service;

import io.financing.eventstore.EventMetadata;
import io.financing.eventstore.NewEvent;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * How the use cases and the saga reach the aggregates of one kind: the domain's port, which the event store
 * adapts to ({@code io.financing.service.store}). An aggregate that does not exist is a command's
 * rejection, with the reason in the domain's words; this port says so, so no use case has to.
 *
 * @param <A> the aggregate
 */
public interface Aggregates<A> {

    boolean exists(UUID id);

    /** @throws PolicyViolation naming the aggregate, when there is none with this id */
    void requireExists(UUID id);

    /** Stores a new aggregate's events; returns them. */
    List<NewEvent> add(A aggregate, EventMetadata metadata);

    /**
     * Loads the aggregate, lets {@code change} act on it (a command method, which may refuse), and stores
     * what it recorded; returns that.
     *
     * @throws PolicyViolation naming the aggregate, when there is none with this id
     */
    List<NewEvent> update(UUID id, EventMetadata metadata, Consumer<A> change);
}

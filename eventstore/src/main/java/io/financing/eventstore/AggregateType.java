package io.financing.eventstore;

import java.util.UUID;
import java.util.function.Function;

/**
 * What the repository needs to know of one kind of aggregate.
 *
 * @param name         the stream type, stored with every event ("Invoice")
 * @param newAggregate makes an empty aggregate, to which history is then applied
 * @param events       the names of its events
 * @param state        the type of its state, kept as its snapshot; null if it takes no snapshots
 * @param snapshotName names that state's format; change it when the format changes, and old
 *                     snapshots are ignored rather than misread
 * @param <A>          the aggregate
 * @param <E>          its events
 * @param <S>          its state
 */
public record AggregateType<A extends Aggregate<E, S>, E, S>(String name, Function<UUID, A> newAggregate,
                                                             EventTypes<E> events, Class<S> state,
                                                             String snapshotName) {

    public static <A extends Aggregate<E, S>, E, S> AggregateType<A, E, S> of(String name,
                                                                             Function<UUID, A> newAggregate,
                                                                             EventTypes<E> events) {
        return new AggregateType<>(name, newAggregate, events, null, null);
    }

    /** The same type, with snapshots of its state. */
    public AggregateType<A, E, S> withSnapshots(Class<S> stateType, String formatName) {
        return new AggregateType<>(name, newAggregate, events, stateType, formatName);
    }

    boolean takesSnapshots() {
        return state != null;
    }
}

package io.financing.eventstore;

import java.util.UUID;
import java.util.function.Function;

/**
 * What the repository needs to know of one kind of aggregate.
 *
 * @param name         the stream type, stored with every event ("Invoice")
 * @param newAggregate makes an empty aggregate, to which history is then applied
 * @param events       the names of its events
 * @param snapshot     the type of its snapshot state, or null if it takes no snapshots
 * @param snapshotName names that state's format; change it when the format changes, and old
 *                     snapshots are ignored rather than misread
 */
public record AggregateType<A extends Aggregate<E>, E>(String name, Function<UUID, A> newAggregate,
                                                        EventTypes<E> events, Class<?> snapshot,
                                                        String snapshotName) {

    public static <A extends Aggregate<E>, E> AggregateType<A, E> of(String name, Function<UUID, A> newAggregate,
                                                                      EventTypes<E> events) {
        return new AggregateType<>(name, newAggregate, events, null, null);
    }

    /** The same type, with snapshots of the given state type; the aggregate must be {@link Snapshottable}. */
    public <S> AggregateType<A, E> withSnapshots(Class<S> state, String formatName) {
        return new AggregateType<>(name, newAggregate, events, state, formatName);
    }

    boolean takesSnapshots() {
        return snapshot != null;
    }
}

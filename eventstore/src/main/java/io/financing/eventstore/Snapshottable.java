package io.financing.eventstore;

/**
 * An aggregate whose state can be kept as a snapshot, so that loading it replays only the events
 * after the snapshot.
 *
 * @param <S> the state, a record the JSON mapper can write and read, and immutable: a repository keeps
 *            recent states in memory and restores aggregates from the same one
 */
public interface Snapshottable<S> {

    S snapshot();

    /** Sets the state of a new, empty aggregate to a snapshot's. */
    void restore(S state);
}

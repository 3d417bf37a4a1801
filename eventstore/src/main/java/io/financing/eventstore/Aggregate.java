package io.financing.eventstore;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An event-sourced aggregate: its state is what its events made it, one immutable value that each event
 * replaces ({@link #next}). A command method checks the rules against {@link #state()} and
 * {@link #record records} new events. The state is also the aggregate's snapshot: the repository keeps it
 * and restores it as it is.
 *
 * @param <E> the aggregate's events, typically a sealed interface of records
 * @param <S> its state, typically a record; {@link Void} for an aggregate whose existence is all it has
 */
public abstract class Aggregate<E, S> {

    private final UUID id;
    private S state;
    private long version;
    private final List<E> changes = new ArrayList<>();

    /** @param initial the state before any event */
    protected Aggregate(UUID id, S initial) {
        this.id = id;
        this.state = initial;
    }

    public final UUID id() {
        return id;
    }

    /** The version of the last stored event applied: 0 for an aggregate never saved. */
    public final long version() {
        return version;
    }

    /** Events recorded since the aggregate was loaded or saved, oldest first. */
    public final List<E> changes() {
        return List.copyOf(changes);
    }

    protected final S state() {
        return state;
    }

    /**
     * The state after one event. It decides nothing, since it also replays history, and must accept every
     * event the aggregate ever recorded: a switch over the sealed events, which the compiler checks.
     */
    protected abstract S next(S state, E event);

    /** Applies a new event and keeps it to be saved. */
    protected final void record(E event) {
        state = next(state, event);
        changes.add(event);
    }

    final void replay(E event, long storedVersion) {
        state = next(state, event);
        version = storedVersion;
    }

    final void restore(S snapshot, long snapshotVersion) {
        state = snapshot;
        version = snapshotVersion;
    }

    final void saved() {
        version += changes.size();
        changes.clear();
    }
}

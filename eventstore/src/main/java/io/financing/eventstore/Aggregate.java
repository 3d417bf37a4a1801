package io.financing.eventstore;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An event-sourced aggregate: its state is what its events made it. A command method checks the
 * rules and {@link #record records} new events; {@link #apply} changes the state for an event and
 * decides nothing, since it also replays history.
 *
 * @param <E> the aggregate's events, typically a sealed interface of records
 */
public abstract class Aggregate<E> {

    private final UUID id;
    private long version;
    private final List<E> changes = new ArrayList<>();

    protected Aggregate(UUID id) {
        this.id = id;
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

    /** Changes the state for one event; must accept every event the aggregate ever recorded. */
    protected abstract void apply(E event);

    /** Applies a new event and keeps it to be saved. */
    protected final void record(E event) {
        apply(event);
        changes.add(event);
    }

    final void replay(E event, long storedVersion) {
        apply(event);
        version = storedVersion;
    }

    final void restoredAt(long snapshotVersion) {
        version = snapshotVersion;
    }

    final void saved() {
        version += changes.size();
        changes.clear();
    }
}

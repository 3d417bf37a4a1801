package io.financing.eventstore;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The latest committed states of the aggregates a repository used most recently, at most
 * {@code capacity} of them: like snapshots kept in memory. One is never stale, only behind: a load
 * still reads every event stored after its version.
 */
final class RecentStates<S> {

    /** A state as of a version; immutable, so that many aggregates may be restored from it. */
    record Recent<S>(long version, S state) {
    }

    private final Map<UUID, Recent<S>> states;

    RecentStates(int capacity) {
        this.states = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Recent<S>> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Recent<S> get(UUID id) {
        return states.get(id);
    }

    /** Keeps the state unless a later one is kept already (writers may commit in any order). */
    synchronized void remember(UUID id, long version, S state) {
        states.merge(id, new Recent<>(version, state), (kept, newer) -> newer.version() > kept.version() ? newer : kept);
    }
}

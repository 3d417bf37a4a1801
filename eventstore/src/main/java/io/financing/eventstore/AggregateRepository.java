package io.financing.eventstore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads aggregates of one type from their events (after their latest snapshot, if any) and saves
 * what they recorded, at the version they were loaded at. An aggregate that takes snapshots loads
 * from its latest committed state this repository saw, when it still holds it, and the events after it.
 *
 * @param <A> the aggregate
 * @param <E> its events
 * @param <S> its state; users that only load and save may write {@code AggregateRepository<Invoice, ?, ?>}
 */
public final class AggregateRepository<A extends Aggregate<E, S>, E, S> {

    private static final Logger log = LoggerFactory.getLogger(AggregateRepository.class);

    private final EventStore store;
    private final AggregateType<A, E, S> type;
    private final JsonMapper json;
    private final Clock clock;
    private final Settings settings;
    private final RecentStates<S> recent;
    private final Counter conflicts;
    private final Counter remembered;
    private final Counter rememberedBehind;
    private final Counter notRemembered;

    /** A repository that reports no metrics. */
    public AggregateRepository(EventStore store, AggregateType<A, E, S> type, JsonMapper json, Clock clock,
                               Settings settings) {
        this(store, type, json, clock, settings, Metrics.globalRegistry);
    }

    /**
     * A repository that counts, the concurrency conflicts it met
     * ({@code financing.eventstore.conflicts{kind=version}}) and whether a load found the aggregate's state
     * remembered, per aggregate type ({@code financing.eventstore.recent.states{result=hit|behind|miss}}): behind counts the hits
     * whose state another writer (another instance of the service) has moved past since, read on from there.
     */
    public AggregateRepository(EventStore store, AggregateType<A, E, S> type, JsonMapper json, Clock clock,
                               Settings settings, MeterRegistry meters) {
        this.store = store;
        this.type = type;
        this.json = json;
        this.clock = clock;
        this.settings = settings;
        this.recent = new RecentStates<>(settings.recentStates());
        // Tagged by kind only, as the stale-transaction retries counted under the same name elsewhere are.
        this.conflicts = meters.counter("financing.eventstore.conflicts", "kind", "version");
        this.remembered = meters.counter("financing.eventstore.recent.states", "result", "hit", "aggregate", type.name());
        this.rememberedBehind = meters.counter("financing.eventstore.recent.states", "result", "behind",
                "aggregate", type.name());
        this.notRemembered = meters.counter("financing.eventstore.recent.states", "result", "miss",
                "aggregate", type.name());
    }

    /**
     * @param snapshotEvery take a snapshot each time a stream passes a multiple of this many events (0: never)
     * @param maxAttempts   how often {@link #update} tries before it lets a concurrency conflict through
     * @param recentStates  how many aggregates' latest committed states to keep in memory (0: none)
     */
    public record Settings(int snapshotEvery, int maxAttempts, int recentStates) {

        public static final Settings DEFAULT = new Settings(100, 10, 10_000);

        public Settings {
            if (snapshotEvery < 0 || maxAttempts < 1 || recentStates < 0) {
                throw new IllegalArgumentException("snapshotEvery >= 0, maxAttempts >= 1 and recentStates >= 0 required");
            }
        }
    }

    /**
     * Whether the aggregate exists; one whose state is remembered does, since streams are never removed, and so
     * does one the running batch has staged.
     */
    public boolean contains(UUID id) {
        return staged(id).isPresent() || recent.get(id) != null || store.contains(id);
    }

    public Optional<A> load(UUID id) {
        A aggregate = type.newAggregate().apply(id);
        Optional<StagedWrites.Staged<S>> staged = staged(id);
        if (staged.isPresent()) {
            // The store has not seen the batch's events yet: the state they lead to is here.
            aggregate.restore(staged.get().state(), staged.get().version());
            return Optional.of(aggregate);
        }
        RecentStates.Recent<S> known = type.takesSnapshots() ? recent.get(id) : null;
        long restored = restore(aggregate, known);
        if (restored > 0 && heldVersion(id).filter(version -> version == restored).isPresent()) {
            return Optional.of(aggregate); // the batch holds the stream at the version remembered: nothing after it
        }
        long fromVersion = restored + 1;
        // Never the remembered state alone: another instance may have written after it, and what it wrote is here.
        List<StoredEvent> events = store.read(id, fromVersion);
        if (events.isEmpty() && fromVersion == 1) {
            return Optional.empty();
        }
        if (known != null && !events.isEmpty()) {
            rememberedBehind.increment();
        }
        events.forEach(event -> aggregate.replay(deserialize(event), event.version()));
        remember(aggregate);
        return Optional.of(aggregate);
    }

    /**
     * Saves the aggregate's changes: a new stream for a new aggregate, an append at its loaded version
     * otherwise. While a batch runs ({@link StagedWrites}), they are staged, and written with the batch's.
     *
     * @throws StreamAlreadyExistsException  if a new aggregate's stream exists
     * @throws ConcurrencyConflictException  if another writer saved the aggregate since it was loaded
     */
    public Saved<A> save(A aggregate, EventMetadata metadata) {
        List<E> changes = aggregate.changes();
        if (changes.isEmpty()) {
            return new Saved<>(aggregate, List.of());
        }
        Instant now = clock.instant();
        List<NewEvent> events = changes.stream()
                .map(event -> new NewEvent(UUID.randomUUID(), type.events().nameOf(event), json.writeValueAsString(event),
                        metadata, now))
                .toList();
        long before = aggregate.version();
        Optional<StagedWrites> batch = StagedWrites.current();
        if (batch.isPresent()) {
            batch.get().stage(aggregate.id(), type.name(), before, events, aggregate.state());
        } else if (before == 0) {
            store.create(aggregate.id(), type.name(), events);
        } else {
            store.append(aggregate.id(), before, events);
        }
        aggregate.saved();
        remember(aggregate);
        dueSnapshot(aggregate, before).ifPresent(snapshot -> batch.ifPresentOrElse(
                staged -> staged.snapshot(snapshot), () -> store.saveSnapshot(snapshot)));
        return new Saved<>(aggregate, events);
    }

    private Optional<StagedWrites.Staged<S>> staged(UUID id) {
        return StagedWrites.current().flatMap(batch -> batch.staged(id));
    }

    private Optional<Long> heldVersion(UUID id) {
        return StagedWrites.current().flatMap(batch -> batch.heldVersion(id));
    }

    /**
     * Loads the aggregate, lets {@code change} act on it, and saves what it recorded. On a concurrency
     * conflict it starts again from a fresh load, up to {@link Settings#maxAttempts} times. Inside a
     * transaction the retries stay in it: at READ COMMITTED each load sees what the rival committed.
     *
     * @throws StreamNotFoundException if there is no such aggregate
     */
    public Saved<A> update(UUID id, EventMetadata metadata, Consumer<A> change) {
        for (int attempt = 1; ; attempt++) {
            A aggregate = load(id).orElseThrow(() -> new StreamNotFoundException(id));
            change.accept(aggregate);
            try {
                return save(aggregate, metadata);
            } catch (ConcurrencyConflictException conflict) {
                conflicts.increment();
                if (attempt >= settings.maxAttempts()) {
                    throw conflict;
                }
                log.debug("Concurrency conflict on {} {} (attempt {}); retrying", type.name(), id, attempt);
            }
        }
    }

    private E deserialize(StoredEvent event) {
        return json.readValue(event.data(), type.events().typeOf(event.name()));
    }

    /**
     * Restores the empty aggregate's latest state known here ({@code known}, or null), else its latest snapshot;
     * returns its version.
     */
    private long restore(A aggregate, RecentStates.Recent<S> known) {
        if (!type.takesSnapshots()) {
            return 0;
        }
        if (known == null) {
            notRemembered.increment();
            return restoreSnapshot(aggregate);
        }
        remembered.increment();
        aggregate.restore(known.state(), known.version());
        return known.version();
    }

    /**
     * Keeps the aggregate's state for the next load, once the transaction that read or wrote it commits:
     * what a transaction that rolls back wrote never happened, and must not be remembered.
     */
    private void remember(A aggregate) {
        if (!type.takesSnapshots() || settings.recentStates() == 0) {
            return;
        }
        UUID id = aggregate.id();
        long version = aggregate.version();
        RecentStates.Recent<S> known = recent.get(id);
        if (known != null && known.version() >= version) {
            return; // loaded from what is remembered, with nothing after it: the common load costs nothing more
        }
        S state = aggregate.state();
        AfterCommit.run(() -> recent.remember(id, version, state));
    }

    /** Restores the latest readable snapshot into the empty aggregate; returns its version, 0 if none. */
    private long restoreSnapshot(A aggregate) {
        Optional<Snapshot> latest = store.latestSnapshot(aggregate.id());
        if (latest.isEmpty() || !latest.get().type().equals(type.snapshotName())) {
            return 0;
        }
        Snapshot snapshot = latest.get();
        try {
            aggregate.restore(json.readValue(snapshot.data(), type.state()), snapshot.version());
        } catch (JacksonException e) {
            log.warn("Ignoring unreadable snapshot of {} {} at version {}; replaying all events",
                    type.name(), aggregate.id(), snapshot.version(), e);
            return 0;
        }
        return snapshot.version();
    }

    /** The snapshot to take after a save from {@code versionBefore}, if the stream passed a multiple of the interval. */
    private Optional<Snapshot> dueSnapshot(A aggregate, long versionBefore) {
        int every = settings.snapshotEvery();
        if (!type.takesSnapshots() || every == 0 || versionBefore / every == aggregate.version() / every) {
            return Optional.empty();
        }
        return Optional.of(new Snapshot(aggregate.id(), aggregate.version(), type.snapshotName(),
                json.writeValueAsString(aggregate.state())));
    }
}

package io.financing.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventStore} must do, in the spirit of a reference event-store test kit. An
 * implementation's test extends it and supplies the store.
 */
abstract class EventStoreContract {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private static final EventMetadata METADATA = new EventMetadata(UUID.randomUUID(), UUID.randomUUID(),
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

    abstract EventStore store();

    static NewEvent event(String name, int n) {
        return new NewEvent(UUID.randomUUID(), name, "{\"n\": " + n + "}", METADATA, NOW);
    }

    static List<NewEvent> events(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(n -> event("Happened", n)).toList();
    }

    @Nested
    class AnEmptyStore {

        private final UUID missing = UUID.randomUUID();

        @Test
        void readsNothingOfAMissingStream() {
            assertThat(store().read(missing, 1)).isEmpty();
            assertThat(store().contains(missing)).isFalse();
        }

        @Test
        void refusesToCreateAStreamWithoutEvents() {
            assertThatThrownBy(() -> store().create(missing, "Thing", List.of()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(store().contains(missing)).isFalse();
        }

        @Test
        void refusesToAppendToAMissingStream() {
            assertThatThrownBy(() -> store().append(missing, 1, events(1)))
                    .isInstanceOf(StreamNotFoundException.class);
            assertThat(store().contains(missing)).isFalse();
        }

        @Test
        void refusesASnapshotOfAMissingStream() {
            assertThatThrownBy(() -> store().saveSnapshot(new Snapshot(missing, 1, "S", "{}")))
                    .isInstanceOf(SnapshotRejectedException.class)
                    .hasMessageContaining("does not exist");
        }

        @Test
        void hasNoSnapshotOfAMissingStream() {
            assertThat(store().latestSnapshot(missing)).isEmpty();
        }
    }

    @Nested
    class CreatingAStream {

        private final UUID id = UUID.randomUUID();

        @Test
        void storesItsEventsAtVersionsFromOneAndReadsThemBackEqual() {
            List<NewEvent> written = events(3);

            List<StoredEvent> stored = store().create(id, "Thing", written);

            assertThat(store().contains(id)).isTrue();
            assertThat(store().read(id, 1)).isEqualTo(stored);
            assertThat(stored).extracting(StoredEvent::version).containsExactly(1L, 2L, 3L);
            assertThat(stored).extracting(StoredEvent::eventId).containsExactlyElementsOf(
                    written.stream().map(NewEvent::eventId).toList());
            StoredEvent first = stored.get(0);
            assertThat(first.streamId()).isEqualTo(id);
            assertThat(first.streamType()).isEqualTo("Thing");
            assertThat(first.name()).isEqualTo("Happened");
            assertThat(first.data()).isEqualTo("{\"n\": 1}");
            assertThat(first.metadata()).isEqualTo(METADATA);
            assertThat(first.occurredAt()).isEqualTo(NOW);
            assertThat(stored).extracting(StoredEvent::position).isSorted().doesNotHaveDuplicates();
        }

        @Test
        void refusesToCreateItAgainAndKeepsTheFirstEvents() {
            List<StoredEvent> first = store().create(id, "Thing", events(2));

            assertThatThrownBy(() -> store().create(id, "Thing", events(1)))
                    .isInstanceOf(StreamAlreadyExistsException.class);
            assertThat(store().read(id, 1)).isEqualTo(first);
        }
    }

    @Nested
    class AppendingToAStream {

        private final UUID id = UUID.randomUUID();

        @Test
        void atItsVersionAddsTheEventsAfterIt() {
            store().create(id, "Thing", events(2));

            List<StoredEvent> appended = store().append(id, 2, events(2));

            assertThat(appended).extracting(StoredEvent::version).containsExactly(3L, 4L);
            assertThat(appended).allSatisfy(event -> assertThat(event.streamType()).isEqualTo("Thing"));
            assertThat(store().read(id, 1)).extracting(StoredEvent::version).containsExactly(1L, 2L, 3L, 4L);
        }

        @Test
        void atAStaleVersionFailsWithAConcurrencyConflictAndWritesNothing() {
            store().create(id, "Thing", events(2));
            store().append(id, 2, events(1));

            assertThatThrownBy(() -> store().append(id, 2, events(3)))
                    .isInstanceOfSatisfying(ConcurrencyConflictException.class, conflict -> {
                        assertThat(conflict.expectedVersion()).isEqualTo(2);
                        assertThat(conflict.actualVersion()).isEqualTo(3);
                    });
            assertThat(store().read(id, 1)).hasSize(3);
        }

        @Test
        void aheadOfItsVersionFailsWithAConcurrencyConflict() {
            store().create(id, "Thing", events(1));

            assertThatThrownBy(() -> store().append(id, 5, events(1)))
                    .isInstanceOf(ConcurrencyConflictException.class);
        }

        @Test
        void refusesAnEmptyAppend() {
            store().create(id, "Thing", events(1));

            assertThatThrownBy(() -> store().append(id, 1, List.of())).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void readsFromAGivenVersion() {
            store().create(id, "Thing", events(5));

            assertThat(store().read(id, 4)).extracting(StoredEvent::version).containsExactly(4L, 5L);
            assertThat(store().read(id, 6)).isEmpty();
        }
    }

    @Nested
    class Snapshots {

        private final UUID id = UUID.randomUUID();

        @Test
        void refusesOneAheadOfTheStream() {
            store().create(id, "Thing", events(2));

            assertThatThrownBy(() -> store().saveSnapshot(new Snapshot(id, 3, "S", "{}")))
                    .isInstanceOf(SnapshotRejectedException.class)
                    .hasMessageContaining("at version 2");
        }

        @Test
        void returnsTheLatestOfSeveral() {
            store().create(id, "Thing", events(5));
            store().saveSnapshot(new Snapshot(id, 2, "S", "{\"at\": 2}"));
            store().saveSnapshot(new Snapshot(id, 4, "S", "{\"at\": 4}"));
            store().saveSnapshot(new Snapshot(id, 3, "S", "{\"at\": 3}"));

            assertThat(store().latestSnapshot(id)).contains(new Snapshot(id, 4, "S", "{\"at\": 4}"));
        }

        @Test
        void noneMeansEmpty() {
            store().create(id, "Thing", events(1));

            assertThat(store().latestSnapshot(id)).isEmpty();
        }
    }
}

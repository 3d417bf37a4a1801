package io.financing.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The conformance suite, and what sharing transactions must not change. */
class GroupCommittingEventStoreTest extends EventStoreContract {

    @RegisterExtension
    static final TestDatabase database = new TestDatabase();

    private final GroupCommittingEventStore store = new GroupCommittingEventStore(database.dataSource(),
            EventsStoredNotifier.NONE, GroupCommittingEventStore.Settings.DEFAULT);

    @Override
    EventStore store() {
        return store;
    }

    @Test
    void concurrentWritersShareTransactionsYetEachStreamGetsAllItsEventsInOrder() throws Exception {
        List<UUID> streams = Concurrently.onThreads(32, thread -> {
            UUID id = UUID.randomUUID();
            store.create(id, "Thing", events(1));
            for (int version = 1; version <= 20; version++) {
                store.append(id, version, events(1));
            }
            return id;
        });

        for (UUID id : streams) {
            assertThat(store.read(id, 1)).extracting(StoredEvent::version)
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 21).boxed().toList());
        }
        Long transactions = new JdbcTemplate(database.dataSource()).queryForObject(
                "SELECT count(DISTINCT transaction_id) FROM eventstore.events WHERE stream_id = ANY(?)", Long.class,
                (Object) streams.toArray(UUID[]::new));
        assertThat(transactions).as("transactions for %d writes", 32 * 21).isLessThan(32 * 21 / 2);
    }

    @Test
    void aWriteTheDatabaseRefusesFailsOnlyItsOwnWriter() throws Exception {
        List<Object> outcomes = Concurrently.onThreads(16, thread -> {
            UUID id = UUID.randomUUID();
            String data = thread == 0 ? "{not json" : "{}";
            try {
                return store.create(id, "Thing",
                        List.of(new NewEvent(UUID.randomUUID(), "Happened", data, EventMetadata.causedBy(id), Instant.now())));
            } catch (RuntimeException refused) {
                return refused;
            }
        });

        assertThat(outcomes).filteredOn(RuntimeException.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(List.class::isInstance).hasSize(15);
    }

    @Test
    void refusesToWriteInsideTheCallersTransactionWhichItCouldNotJoin() {
        var transaction = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));

        assertThatThrownBy(() -> transaction.executeWithoutResult(status ->
                store.create(UUID.randomUUID(), "Thing", events(1))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PostgresEventStore");
    }
}

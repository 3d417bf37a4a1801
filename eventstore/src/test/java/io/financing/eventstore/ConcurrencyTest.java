package io.financing.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

class ConcurrencyTest {

    @RegisterExtension
    static final TestDatabase database = new TestDatabase();

    private static final int THREADS = 16;
    private static final EventMetadata METADATA = EventMetadata.causedBy(UUID.randomUUID());

    /** Both ways of writing: each write in its (or its caller's) transaction, and group-committed. */
    static Stream<Named<EventStore>> stores() {
        return Stream.of(Named.of("one transaction per write", database.store()),
                Named.of("group-committed", new GroupCommittingEventStore(database.dataSource(),
                        EventsStoredNotifier.NONE, GroupCommittingEventStore.Settings.DEFAULT)));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void ofWritersAppendingAtTheSameVersionExactlyOneWinsAndTheRestConflict(EventStore store) throws Exception {
        UUID id = UUID.randomUUID();
        store.create(id, "Thing", EventStoreContract.events(1));

        List<Object> outcomes = allAtOnce(() -> {
            try {
                return store.append(id, 1, EventStoreContract.events(2));
            } catch (ConcurrencyConflictException conflict) {
                return conflict;
            }
        });

        assertThat(outcomes).filteredOn(List.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(ConcurrencyConflictException.class::isInstance).hasSize(THREADS - 1);
        assertThat(store.read(id, 1)).extracting(StoredEvent::version).containsExactly(1L, 2L, 3L);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void updatesWithRetriesAllLandWhateverTheContention(EventStore store) throws Exception {
        UUID id = UUID.randomUUID();
        int depositsPerThread = 10;
        var repository = new AggregateRepository<>(store, Account.TYPE, JsonMapper.builder().build(),
                Clock.systemUTC(), new AggregateRepository.Settings(7, 1_000, 1_000));
        repository.save(Account.open(id, "ann"), METADATA);

        allAtOnce(() -> {
            for (int i = 0; i < depositsPerThread; i++) {
                repository.update(id, METADATA, account -> account.deposit(1));
            }
            return null;
        });

        Account account = repository.load(id).orElseThrow();
        assertThat(account.balance()).isEqualTo(THREADS * depositsPerThread);
        assertThat(account.version()).isEqualTo(1 + THREADS * depositsPerThread);
        assertThat(store.read(id, 1)).extracting(StoredEvent::version)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, account.version()).boxed().toList());
    }

    /**
     * Conflicts are retried inside the caller's transaction; a transaction found older than the
     * stream's last writer (it took its id recording the message) is run again by the caller.
     */
    @Test
    void updatesRetryInsideTheCallersTransactionAlongsideTheirIdempotencyRecord() throws Exception {
        UUID id = UUID.randomUUID();
        var transaction = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
        var processed = new ProcessedMessages(database.dataSource());
        var repository = new AggregateRepository<>(database.store(), Account.TYPE, JsonMapper.builder().build(),
                Clock.systemUTC(), new AggregateRepository.Settings(0, 1_000, 1_000));
        repository.save(Account.open(id, "ann"), METADATA);

        allAtOnce(() -> {
            String message = UUID.randomUUID().toString();
            for (int delivery = 0; delivery < 2; delivery++) { // every message is delivered twice
                boolean done = false;
                while (!done) {
                    try {
                        transaction.executeWithoutResult(status -> {
                            if (processed.markProcessed("deposits", message)) {
                                repository.update(id, METADATA, account -> account.deposit(1));
                            }
                        });
                        done = true;
                    } catch (StaleTransactionException runAgain) {
                        // rolled back: the next attempt is a new, younger transaction
                    }
                }
            }
            return null;
        });

        assertThat(repository.load(id).orElseThrow().balance()).isEqualTo(THREADS);
    }

    private static List<Object> allAtOnce(Callable<Object> task) throws Exception {
        return Concurrently.onThreads(THREADS, thread -> task.call());
    }
}

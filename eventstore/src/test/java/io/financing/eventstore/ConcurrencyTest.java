package io.financing.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

class ConcurrencyTest {

    @RegisterExtension
    static final TestDatabase database = new TestDatabase();

    private static final int THREADS = 16;
    private static final EventMetadata METADATA = EventMetadata.causedBy(UUID.randomUUID());

    @Test
    void ofWritersAppendingAtTheSameVersionExactlyOneWinsAndTheRestConflict() throws Exception {
        UUID id = UUID.randomUUID();
        database.store().create(id, "Thing", EventStoreContract.events(1));

        List<Object> outcomes = allAtOnce(() -> {
            try {
                return database.store().append(id, 1, EventStoreContract.events(2));
            } catch (ConcurrencyConflictException conflict) {
                return conflict;
            }
        });

        assertThat(outcomes).filteredOn(List.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(ConcurrencyConflictException.class::isInstance).hasSize(THREADS - 1);
        assertThat(database.store().read(id, 1)).extracting(StoredEvent::version).containsExactly(1L, 2L, 3L);
    }

    @Test
    void updatesWithRetriesAllLandWhateverTheContention() throws Exception {
        UUID id = UUID.randomUUID();
        int depositsPerThread = 10;
        var repository = new AggregateRepository<>(database.store(), Account.TYPE, JsonMapper.builder().build(),
                Clock.systemUTC(), new AggregateRepository.Settings(7, 1_000));
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
        assertThat(database.store().read(id, 1)).extracting(StoredEvent::version)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, account.version()).boxed().toList());
    }

    @Test
    void updatesRetryInsideTheCallersTransactionAlongsideTheirIdempotencyRecord() throws Exception {
        UUID id = UUID.randomUUID();
        var transaction = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
        var processed = new ProcessedMessages(database.dataSource());
        var repository = new AggregateRepository<>(database.store(), Account.TYPE, JsonMapper.builder().build(),
                Clock.systemUTC(), new AggregateRepository.Settings(0, 1_000));
        repository.save(Account.open(id, "ann"), METADATA);

        allAtOnce(() -> {
            String message = UUID.randomUUID().toString();
            for (int delivery = 0; delivery < 2; delivery++) { // every message is delivered twice
                transaction.executeWithoutResult(status -> {
                    if (processed.markProcessed("deposits", message)) {
                        repository.update(id, METADATA, account -> account.deposit(1));
                    }
                });
            }
            return null;
        });

        assertThat(repository.load(id).orElseThrow().balance()).isEqualTo(THREADS);
    }

    /** Runs the task on every thread, released together; returns what each returned. */
    private static List<Object> allAtOnce(Callable<Object> task) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            var start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }
}

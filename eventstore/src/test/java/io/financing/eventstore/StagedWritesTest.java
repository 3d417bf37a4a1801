package io.financing.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** A batch's writes: staged while it decides, visible to its own later loads, written together or not at all. */
class StagedWritesTest {

    @RegisterExtension
    static final TestDatabase database = new TestDatabase();

    private static final EventMetadata METADATA = EventMetadata.causedBy(UUID.randomUUID());

    private final TransactionTemplate transaction =
            new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
    private final AggregateRepository<Account, Account.Event, Account.State> accounts = new AggregateRepository<>(
            database.store(), Account.TYPE, JsonMapper.builder().build(), Clock.systemUTC(),
            new AggregateRepository.Settings(2, 10, 100));

    private <T> T inBatch(Supplier<T> work) {
        return inBatch(List.of(), work);
    }

    private <T> T inBatch(List<UUID> changing, Supplier<T> work) {
        return transaction.execute(status -> StagedWrites.around(database.store(), changing, work));
    }

    @Test
    void aBatchWritesNothingUntilItEndsAndItsLaterLoadsSeeWhatItStaged() {
        UUID ann = UUID.randomUUID();
        List<Long> seen = new ArrayList<>();

        inBatch(() -> {
            accounts.save(Account.open(ann, "ann"), METADATA);
            accounts.update(ann, METADATA, account -> account.deposit(40));
            seen.add(accounts.load(ann).orElseThrow().balance());
            assertThat(accounts.contains(ann)).isTrue();
            assertThat(database.store().read(ann, 1)).isEmpty();
            return null;
        });

        assertThat(seen).containsExactly(40L);
        assertThat(database.store().read(ann, 1)).extracting(StoredEvent::name, StoredEvent::version)
                .containsExactly(tuple("AccountOpened", 1L),
                        tuple("MoneyDeposited", 2L));
        assertThat(database.store().latestSnapshot(ann)).hasValueSatisfying(snapshot ->
                assertThat(snapshot.version()).isEqualTo(2));
    }

    @Test
    void aStreamMovedByAnotherWriterMeanwhileFailsTheWholeBatch() {
        UUID ann = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        accounts.save(Account.open(ann, "ann"), METADATA);

        assertThatThrownBy(() -> inBatch(() -> {
            accounts.save(Account.open(bob, "bob"), METADATA);
            accounts.update(ann, METADATA, account -> account.deposit(1));
            accounts.update(ann, METADATA, account -> account.deposit(2)); // the batch's second change of one stream
            CompletableFuture.runAsync(() -> database.store().append(ann, 1, List.of(new NewEvent(UUID.randomUUID(),
                    "MoneyDeposited", "{\"amount\": 5}", METADATA, Clock.systemUTC().instant())))).join(); // another writer
            return null;
        })).isInstanceOf(ConcurrencyConflictException.class);

        assertThat(database.store().contains(bob)).isFalse();
        assertThat(database.store().read(ann, 1)).hasSize(2);
        assertThat(inBatch(() -> accounts.update(ann, METADATA, account -> account.deposit(1)).aggregate().balance()))
                .as("run again, the batch reads what the other wrote").isEqualTo(6);
    }

    @Test
    void batchesThatChangeOneStreamTakeTurnsInsteadOfLosingARace() {
        UUID ann = UUID.randomUUID();
        accounts.save(Account.open(ann, "ann"), METADATA);
        var other = new CompletableFuture<Account>();

        inBatch(List.of(ann), () -> {
            other.completeAsync(() -> inBatch(List.of(ann),
                    () -> accounts.update(ann, METADATA, account -> account.deposit(5)).aggregate()));
            assertThat(other).as("the other batch waits").failsWithin(Duration.ofMillis(300))
                    .withThrowableOfType(TimeoutException.class);
            return accounts.update(ann, METADATA, account -> account.deposit(1));
        });

        assertThat(other).succeedsWithin(Duration.ofSeconds(10)).extracting(Account::balance).isEqualTo(6L);
    }

    @Test
    void anAggregateRememberedBehindTheVersionHeldIsReadOnFromThere() {
        UUID ann = UUID.randomUUID();
        accounts.save(Account.open(ann, "ann"), METADATA);
        accounts.load(ann); // remembered at version 1
        var anotherInstance = new AggregateRepository<>(database.store(), Account.TYPE, JsonMapper.builder().build(),
                Clock.systemUTC(), new AggregateRepository.Settings(0, 10, 0));
        anotherInstance.update(ann, METADATA, account -> account.deposit(5));

        long balance = inBatch(List.of(ann), () -> accounts.load(ann).orElseThrow().balance());

        assertThat(balance).isEqualTo(5);
    }

    @Test
    void aRuleThatRefusesLeavesNothingStaged() {
        UUID ann = UUID.randomUUID();

        inBatch(() -> {
            accounts.save(Account.open(ann, "ann"), METADATA);
            assertThatThrownBy(() -> accounts.update(ann, METADATA, account -> account.withdraw(1)))
                    .isInstanceOf(Account.InsufficientFunds.class);
            accounts.update(ann, METADATA, account -> account.deposit(3));
            return null;
        });

        assertThat(database.store().read(ann, 1)).extracting(StoredEvent::name)
                .containsExactly("AccountOpened", "MoneyDeposited");
    }

    @Test
    void batchesDoNotNest() {
        assertThatThrownBy(() -> inBatch(() -> inBatch(() -> null))).isInstanceOf(IllegalStateException.class);
    }
}

package io.financing.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.financing.eventstore.Account.Deposited;
import io.financing.eventstore.Account.Opened;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AggregateRepositoryTest {

    @RegisterExtension
    static final TestDatabase database = new TestDatabase();

    private static final EventMetadata METADATA = EventMetadata.causedBy(UUID.randomUUID());

    private final UUID id = UUID.randomUUID();

    private static AggregateRepository<Account, Account.Event, Account.State> repository(int snapshotEvery) {
        return repository(database.store(), new AggregateRepository.Settings(snapshotEvery, 10, 0));
    }

    /** A repository that keeps the latest states it saw, as a service's does. */
    private static AggregateRepository<Account, Account.Event, Account.State> remembering(EventStore store) {
        return repository(store, new AggregateRepository.Settings(0, 10, 100));
    }

    private static AggregateRepository<Account, Account.Event, Account.State> repository(EventStore store,
                                                                          AggregateRepository.Settings settings) {
        return new AggregateRepository<>(store, Account.TYPE, JsonMapper.builder().build(), Clock.systemUTC(), settings);
    }

    /** The store, noting each call made to it (and where each read of a stream starts). */
    private static EventStore recording(List<String> calls) {
        return (EventStore) Proxy.newProxyInstance(EventStore.class.getClassLoader(), new Class<?>[]{EventStore.class},
                (proxy, method, args) -> {
                    calls.add(method.getName().equals("read") ? "read from " + args[1] : method.getName());
                    return method.invoke(database.store(), args);
                });
    }

    private static JsonNode json(String text) {
        return JsonMapper.builder().build().readTree(text);
    }

    @Test
    void savesANewAggregateAsANewStreamUnderItsNamesAndLoadsItBack() {
        var repository = repository(0);

        Saved<Account> saved = repository.save(Account.open(id, "ann"), METADATA);

        assertThat(saved.events()).extracting(NewEvent::name).containsExactly("AccountOpened");
        assertThat(json(saved.events().get(0).data())).isEqualTo(json("{\"owner\": \"ann\"}"));
        assertThat(database.store().read(id, 1)).extracting(StoredEvent::streamType).containsExactly("Account");
        assertThat(saved.aggregate().version()).isEqualTo(1);
        assertThat(saved.aggregate().changes()).isEmpty();
        Account loaded = repository.load(id).orElseThrow();
        assertThat(loaded.owner()).isEqualTo("ann");
        assertThat(loaded.version()).isEqualTo(1);
        assertThat(repository.contains(id)).isTrue();
    }

    @Test
    void loadsNothingForAnUnknownId() {
        assertThat(repository(0).load(id)).isEmpty();
    }

    @Test
    void updateAppliesTheChangeAtTheLoadedVersion() {
        var repository = repository(0);
        repository.save(Account.open(id, "ann"), METADATA);

        Saved<Account> saved = repository.update(id, METADATA, account -> account.deposit(40));

        assertThat(saved.events()).hasSize(1);
        assertThat(database.store().read(id, 2)).extracting(StoredEvent::eventId)
                .containsExactly(saved.events().get(0).eventId());
        assertThat(repository.load(id).orElseThrow().balance()).isEqualTo(40);
    }

    @Test
    void updateOfAnUnknownAggregateFails() {
        assertThatThrownBy(() -> repository(0).update(id, METADATA, account -> account.deposit(1)))
                .isInstanceOf(StreamNotFoundException.class);
    }

    @Test
    void aStaleAggregateIsNotSaved() {
        var repository = repository(0);
        repository.save(Account.open(id, "ann"), METADATA);
        Account stale = repository.load(id).orElseThrow();
        repository.update(id, METADATA, account -> account.deposit(10));

        stale.deposit(99);

        assertThatThrownBy(() -> repository.save(stale, METADATA)).isInstanceOf(ConcurrencyConflictException.class);
        assertThat(repository.load(id).orElseThrow().balance()).isEqualTo(10);
    }

    @Test
    void takesASnapshotEachTimeTheStreamPassesAMultipleOfN() {
        var repository = repository(3);
        repository.save(Account.open(id, "ann"), METADATA);
        repository.update(id, METADATA, account -> account.deposit(1));
        assertThat(database.store().latestSnapshot(id)).isEmpty();

        repository.update(id, METADATA, account -> {
            account.deposit(2);
            account.deposit(3);
            account.deposit(4);
        });

        Snapshot snapshot = database.store().latestSnapshot(id).orElseThrow();
        assertThat(snapshot.version()).isEqualTo(5);
        assertThat(snapshot.type()).isEqualTo("AccountState.v1");
        assertThat(json(snapshot.data())).isEqualTo(json("{\"owner\": \"ann\", \"balance\": 10}"));
    }

    @Test
    void aNewSnapshotReplacesTheStreamsOlderOnesWhichNoLoadReads() {
        var repository = repository(2);
        repository.save(Account.open(id, "ann"), METADATA);
        for (int deposit = 1; deposit <= 6; deposit++) {
            int amount = deposit;
            repository.update(id, METADATA, account -> account.deposit(amount));
        }

        assertThat(new JdbcTemplate(database.dataSource()).queryForList(
                "SELECT version FROM eventstore.snapshots WHERE stream_id = ?", Long.class, id)).containsExactly(6L);
        assertThat(repository.load(id).orElseThrow().balance()).isEqualTo(21);
    }

    @Test
    void loadsFromTheSnapshotAndTheEventsAfterIt() {
        var repository = repository(0);
        repository.save(Account.open(id, "ann"), METADATA);
        repository.update(id, METADATA, account -> account.deposit(1));
        // A snapshot that disagrees with the events before it shows that loading starts from it.
        database.store().saveSnapshot(new Snapshot(id, 2, "AccountState.v1", "{\"owner\": \"ann\", \"balance\": 500}"));
        repository.update(id, METADATA, account -> account.deposit(5));

        Account loaded = repository.load(id).orElseThrow();

        assertThat(loaded.balance()).isEqualTo(505);
        assertThat(loaded.version()).isEqualTo(3);
    }

    @Test
    void ignoresASnapshotItCannotReadAndReplaysAllEvents() {
        var repository = repository(0);
        repository.save(Account.open(id, "ann"), METADATA);
        repository.update(id, METADATA, account -> account.deposit(7));
        database.store().saveSnapshot(new Snapshot(id, 2, "AccountState.v1", "{\"balance\": \"not a number\"}"));
        UUID other = UUID.randomUUID();
        repository.save(Account.open(other, "bob"), METADATA);
        database.store().saveSnapshot(new Snapshot(other, 1, "AccountState.v0", "{\"saldo\": 500}"));

        assertThat(repository.load(id).orElseThrow().balance()).isEqualTo(7);
        assertThat(repository.load(other).orElseThrow().balance()).isZero();
    }

    @Test
    void loadsFromTheLatestStateItSawAndReadsOnlyTheEventsAfterIt() {
        List<String> calls = new ArrayList<>();
        var repository = remembering(recording(calls));
        repository.save(Account.open(id, "ann"), METADATA);
        repository.update(id, METADATA, account -> account.deposit(4));

        Account loaded = repository.load(id).orElseThrow();

        // the update's load, then this one: nothing replayed
        assertThat(calls).containsExactly("create", "read from 2", "append", "read from 3");
        assertThat(loaded.balance()).isEqualTo(4);
        assertThat(loaded.version()).isEqualTo(2);
    }

    @Test
    void anAggregateWhoseStateItRemembersExistsWithoutAskingTheStore() {
        List<String> calls = new ArrayList<>();
        var repository = remembering(recording(calls));
        repository.save(Account.open(id, "ann"), METADATA);

        assertThat(repository.contains(id)).isTrue();
        assertThat(repository.contains(UUID.randomUUID())).isFalse();
        assertThat(calls).containsExactly("create", "contains");
    }

    @Test
    void aRememberedStateIsBehindAnotherWritersEventsNeverInsteadOfThem() {
        var meters = new SimpleMeterRegistry();
        var one = new AggregateRepository<>(database.store(), Account.TYPE, JsonMapper.builder().build(),
                Clock.systemUTC(), new AggregateRepository.Settings(0, 10, 100), meters);
        var other = remembering(database.store()); // another instance of the service
        one.save(Account.open(id, "ann"), METADATA);
        one.update(id, METADATA, account -> account.deposit(1));

        other.update(id, METADATA, account -> account.deposit(10));

        Account loaded = one.load(id).orElseThrow();
        assertThat(loaded.balance()).isEqualTo(11);
        assertThat(loaded.version()).isEqualTo(3);
        assertThat(meters.counter("financing.eventstore.recent.states", "result", "behind", "aggregate", "Account")
                .count()).as("loads that found the remembered state behind").isEqualTo(1);
        NewEvent deposited = one.update(id, METADATA, account -> account.deposit(100)).events().get(0);
        assertThat(database.store().read(id, 4)).extracting(StoredEvent::eventId).containsExactly(deposited.eventId());
    }

    @Test
    void anotherInstanceWritingBetweenTheLoadAndTheSaveIsCaughtAndTheChangeDecidedAgainOnWhatItWrote() {
        var meters = new SimpleMeterRegistry();
        var one = new AggregateRepository<>(database.store(), Account.TYPE, JsonMapper.builder().build(),
                Clock.systemUTC(), new AggregateRepository.Settings(0, 10, 100), meters);
        var other = remembering(database.store()); // another instance of the service
        one.save(Account.open(id, "ann"), METADATA);
        List<Long> balancesDecidedOn = new ArrayList<>();

        one.update(id, METADATA, account -> {
            balancesDecidedOn.add(account.balance());
            if (balancesDecidedOn.size() == 1) {
                other.update(id, METADATA, moved -> moved.deposit(10)); // after this one's load, before its save
            }
            account.deposit(1);
        });

        assertThat(balancesDecidedOn).as("the balance each attempt decided on").containsExactly(0L, 10L);
        assertThat(meters.counter("financing.eventstore.conflicts", "kind", "version").count()).isEqualTo(1);
        assertThat(one.load(id).orElseThrow().balance()).isEqualTo(11);
        assertThat(other.load(id).orElseThrow().balance()).isEqualTo(11);
    }

    @Test
    void whatATransactionThatRolledBackWroteIsNotRemembered() {
        var repository = remembering(database.store());
        var transaction = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
        repository.save(Account.open(id, "ann"), METADATA);

        transaction.executeWithoutResult(status -> {
            repository.update(id, METADATA, account -> account.deposit(100));
            status.setRollbackOnly();
        });
        repository.update(id, METADATA, account -> account.deposit(1));

        Account loaded = repository.load(id).orElseThrow();
        assertThat(loaded.balance()).isEqualTo(1);
        assertThat(loaded.version()).isEqualTo(2);
    }

    @Test
    void anEventUnderAnUnknownNameFailsLoudly() {
        database.store().create(id, "Account", java.util.List.of(
                new NewEvent(UUID.randomUUID(), "AccountRenamed", "{}", METADATA, java.time.Instant.now())));

        assertThatThrownBy(() -> repository(0).load(id))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Unknown event name \"AccountRenamed\"");
    }

    @Test
    void eventsCarryTheirMetadata() {
        EventMetadata metadata = new EventMetadata(UUID.randomUUID(), UUID.randomUUID());

        repository(0).save(Account.open(id, "ann"), metadata);

        assertThat(database.store().read(id, 1)).extracting(StoredEvent::metadata).containsExactly(metadata);
    }

    @Test
    void eventsAreRecordsUnderTheirRegisteredNames() {
        Account account = Account.open(id, "ann");
        account.deposit(3);

        assertThat(account.changes()).containsExactly(new Opened("ann"), new Deposited(3));
    }
}

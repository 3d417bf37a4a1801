package io.financing.eventstore;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.financing.api.event.EventNames;
import io.financing.api.event.InvestorEvent.InvestorFundsAdded;
import io.financing.localstack.Ports;
import io.financing.localstack.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real PostgreSQL 17 per benchmark fork, durable (fsync and synchronous commit on, as in production),
 * with the event store's schema and a plain table for the baseline.
 */
@State(Scope.Benchmark)
public class Database {

    static final EventMetadata METADATA = EventMetadata.causedBy(UUID.randomUUID());
    /** An event of the size and shape the system stores most: an investor's funds moving. */
    static final String NAME = EventNames.nameOf(InvestorFundsAdded.class);
    static final String PAYLOAD = "{\"investorId\": \"5f0c6a9e-3c1b-4c57-9a55-0f8b2f6c1d11\", \"amount\": \"100.00\"}";

    PostgresServer postgres;
    HikariDataSource dataSource;
    PostgresEventStore store;
    GroupCommittingEventStore groupCommitted;

    @Setup(Level.Trial)
    public void start() throws IOException {
        Path directory = Files.createTempDirectory("financing-bench-");
        postgres = PostgresServer.start(Ports.free(), directory.resolve("data"), directory.resolve("postgres.log"),
                true);
        postgres.createDatabaseIfMissing("bench");
        var config = new HikariConfig();
        config.setJdbcUrl(postgres.jdbcUrl("bench"));
        config.setUsername(PostgresServer.USER);
        config.setMaximumPoolSize(20);
        config.setConnectionInitSql(EventStoreSchema.RECOMMENDED_CONNECTION_INIT_SQL);
        dataSource = new HikariDataSource(config);
        EventStoreSchema.migrate(dataSource);
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE baseline (id uuid PRIMARY KEY, payload jsonb NOT NULL)");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        store = new PostgresEventStore(dataSource);
        groupCommitted = new GroupCommittingEventStore(dataSource, EventsStoredNotifier.NONE,
                GroupCommittingEventStore.Settings.DEFAULT);
    }

    @TearDown(Level.Trial)
    public void stop() {
        dataSource.close();
        postgres.close();
    }

    AggregateRepository<Account, Account.Event, Account.State> accounts(int snapshotEvery) {
        return new AggregateRepository<>(store, Account.TYPE, JsonMapper.builder().build(), Clock.systemUTC(),
                new AggregateRepository.Settings(snapshotEvery, 10, 0));
    }

    static List<NewEvent> events(int count) {
        Instant now = Instant.now();
        return IntStream.range(0, count)
                .mapToObj(n -> new NewEvent(randomId(), NAME, PAYLOAD, METADATA, now))
                .toList();
    }

    /**
     * A random id without {@link UUID#randomUUID()}'s one shared, locked source of randomness, for
     * which 16 threads woken together by a group commit would queue: no writer of a real system
     * makes all its ids in one place at one instant.
     */
    static UUID randomId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong() & ~0xF000L | 0x4000L, random.nextLong() & ~(3L << 62) | (1L << 63));
    }

    /** Creates {@code count} accounts of {@code events} events each; returns their ids. */
    List<UUID> accountsWithEvents(int count, int events, int snapshotEvery) {
        var repository = accounts(snapshotEvery);
        return IntStream.range(0, count).mapToObj(i -> {
            Account account = Account.open(UUID.randomUUID(), "ann");
            for (int n = 1; n < events; n++) {
                account.deposit(n);
            }
            return repository.save(account, METADATA).aggregate().id();
        }).toList();
    }
}

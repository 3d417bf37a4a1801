package io.financing.eventstore;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Loading aggregates of 100 events through the repository, replayed or from a snapshot; events per second. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class LoadBenchmark {

    private static final int ACCOUNTS = 200;
    private static final int EVENTS = 100;

    @State(Scope.Benchmark)
    public static class Accounts {
        AggregateRepository<Account, Account.Event, Account.State> replaying;
        AggregateRepository<Account, Account.Event, Account.State> snapshotting;
        List<UUID> withoutSnapshots;
        List<UUID> withSnapshots;

        @Setup(Level.Trial)
        public void create(Database database) {
            replaying = database.accounts(0);
            snapshotting = database.accounts(EVENTS);
            withoutSnapshots = database.accountsWithEvents(ACCOUNTS, EVENTS, 0);
            withSnapshots = database.accountsWithEvents(ACCOUNTS, EVENTS, EVENTS);
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public Account hundredEventsReplayed(Accounts accounts) {
        UUID id = accounts.withoutSnapshots.get(ThreadLocalRandom.current().nextInt(ACCOUNTS));
        return accounts.replaying.load(id).orElseThrow();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public Account hundredEventsFromSnapshot(Accounts accounts) {
        UUID id = accounts.withSnapshots.get(ThreadLocalRandom.current().nextInt(ACCOUNTS));
        return accounts.snapshotting.load(id).orElseThrow();
    }
}

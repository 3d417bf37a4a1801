package io.financing.eventstore;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
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

/**
 * Appends, each in its own transaction, beside the raw baseline: a plain JDBC one-row insert per
 * transaction into a table of similar rows, on the same server in the same run. Scores are events
 * (or rows) per second. Group-committed appends share transactions with the other threads' (see
 * {@link GroupCommittingEventStore}); the others are one transaction each.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class AppendBenchmark {

    /** Each thread's own stream, so that appends measure the store, not contention. */
    @State(Scope.Thread)
    public static class OwnStream {
        UUID id;
        long version;

        @Setup(Level.Iteration)
        public void create(Database database) {
            id = UUID.randomUUID();
            version = database.store.create(id, "Account", Database.events(1)).size();
        }
    }

    @Benchmark
    public void baselineOneRowInsert(Database database) throws SQLException {
        try (var connection = database.dataSource.getConnection();
             var insert = connection.prepareStatement("INSERT INTO baseline (id, payload) VALUES (?, ?::jsonb)")) {
            insert.setObject(1, Database.randomId());
            insert.setString(2, Database.PAYLOAD);
            insert.executeUpdate();
        }
    }

    @Benchmark
    public List<StoredEvent> oneEventToNewStream(Database database) {
        return database.store.create(Database.randomId(), "Account", Database.events(1));
    }

    @Benchmark
    public List<StoredEvent> oneEventToExistingStream(Database database, OwnStream stream) {
        List<StoredEvent> stored = database.store.append(stream.id, stream.version, Database.events(1));
        stream.version++;
        return stored;
    }

    @Benchmark
    public List<StoredEvent> oneEventToExistingStreamGroupCommitted(Database database, OwnStream stream) {
        List<StoredEvent> stored = database.groupCommitted.append(stream.id, stream.version, Database.events(1));
        stream.version++;
        return stored;
    }

    @Benchmark
    @OperationsPerInvocation(10)
    public List<StoredEvent> tenEventsToExistingStream(Database database, OwnStream stream) {
        List<StoredEvent> stored = database.store.append(stream.id, stream.version, Database.events(10));
        stream.version += 10;
        return stored;
    }
}

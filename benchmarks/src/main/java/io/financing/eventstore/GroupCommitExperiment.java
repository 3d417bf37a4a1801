package io.financing.eventstore;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * An experiment for the performance work, not a feature: do single-event appends from many writers
 * go faster when a few committer threads run them, several to a transaction, one commit for all?
 * Each append is still its own conditional statement, so a conflict still fails only its own append
 * (it writes nothing and raises no error). Compare with {@code AppendBenchmark.oneEventToExistingStream}
 * at the same thread count.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class GroupCommitExperiment {

    private record Append(UUID stream, long expectedVersion, CompletableFuture<Object> done) {
    }

    @State(Scope.Benchmark)
    public static class Committers {
        @Param({"2", "4"})
        int committers;
        final BlockingQueue<Append> queue = new LinkedBlockingQueue<>();
        final List<Thread> threads = new ArrayList<>();

        @Setup(Level.Trial)
        public void start(Database database) {
            for (int i = 0; i < committers; i++) {
                Thread thread = new Thread(() -> commitLoop(database), "committer-" + i);
                thread.setDaemon(true);
                thread.start();
                threads.add(thread);
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            threads.forEach(Thread::interrupt);
        }

        private void commitLoop(Database database) {
            try (Connection connection = database.dataSource.getConnection()) {
                connection.setAutoCommit(false);
                var store = new PostgresEventStore(new SingleConnectionDataSource(connection, true));
                while (!Thread.currentThread().isInterrupted()) {
                    List<Append> batch = new ArrayList<>();
                    batch.add(queue.take());
                    queue.drainTo(batch, 63);
                    List<Object> results = new ArrayList<>();
                    for (Append append : batch) {
                        try {
                            results.add(store.append(append.stream(), append.expectedVersion(), Database.events(1)));
                        } catch (EventStoreException refused) {
                            results.add(refused);
                        }
                    }
                    connection.commit();
                    for (int i = 0; i < batch.size(); i++) {
                        batch.get(i).done().complete(results.get(i));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Benchmark
    public Object oneEventToExistingStreamGroupCommitted(Committers committers, AppendBenchmark.OwnStream stream)
            throws Exception {
        var append = new Append(stream.id, stream.version, new CompletableFuture<>());
        committers.queue.put(append);
        Object result = append.done().get();
        stream.version++;
        return result;
    }
}

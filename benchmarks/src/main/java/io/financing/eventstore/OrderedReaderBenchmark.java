package io.financing.eventstore;

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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/** The gap-proof reader of all events, as a relay uses it: batches of 1,000 from a checkpoint; events per second. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
@Threads(1)
public class OrderedReaderBenchmark {

    private static final int BATCH = 1_000;

    @State(Scope.Benchmark)
    public static class Feed {
        OrderedEventReader reader;
        Checkpoint checkpoint = Checkpoint.START;

        @Setup(Level.Trial)
        public void fill(Database database) {
            for (int stream = 0; stream < 2_000; stream++) { // 200,000 events in all
                database.store.create(UUID.randomUUID(), "Account", Database.events(100));
            }
            reader = new OrderedEventReader(database.dataSource);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<StoredEvent> nextBatch(Feed feed) {
        List<StoredEvent> batch = feed.reader.readAfter(feed.checkpoint, BATCH);
        feed.checkpoint = batch.size() < BATCH ? Checkpoint.START : Checkpoint.after(batch.get(batch.size() - 1));
        return batch;
    }
}

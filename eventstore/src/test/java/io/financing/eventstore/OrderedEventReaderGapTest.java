package io.financing.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reader of all events against writers whose transactions commit out of the order in which they
 * took their positions: some are held open while later ones commit. The reader, polling all along
 * from its checkpoint, must end with every event exactly once, each stream in version order.
 */
class OrderedEventReaderGapTest {

    @RegisterExtension
    static final TestDatabase database = new TestDatabase();

    private static final Logger log = LoggerFactory.getLogger(OrderedEventReaderGapTest.class);
    private static final int WRITERS = 8;
    private static final int STREAMS = 40;
    private static final Duration WRITING = Duration.ofSeconds(6);
    private static final AtomicLong STALE_REFUSED = new AtomicLong();
    private static ProcessedMessages PROCESSED;

    /** One committed write: the position its first event took, and when it committed relative to others. */
    private record Commit(long position, long commitOrder) {
    }

    @Test
    void readsEveryEventExactlyOnceInStreamOrderDespiteOutOfOrderCommits() throws Exception {
        var transaction = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
        PROCESSED = new ProcessedMessages(database.dataSource());
        List<UUID> streams = new ArrayList<>();
        for (int i = 0; i < STREAMS; i++) {
            streams.add(database.store().create(UUID.randomUUID(), "Thing", EventStoreContract.events(1)).get(0)
                    .streamId());
        }
        var written = new ConcurrentLinkedQueue<StoredEvent>();
        var commits = new ConcurrentLinkedQueue<Commit>();
        var commitOrder = new AtomicLong();
        long writingEnds = System.nanoTime() + WRITING.toNanos();

        ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 2);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            writers.add(threads.submit(() -> {
                while (System.nanoTime() < writingEnds) {
                    List<StoredEvent> events = writeOnce(transaction, streams);
                    if (!events.isEmpty()) {
                        commits.add(new Commit(events.get(0).position(), commitOrder.incrementAndGet()));
                        written.addAll(events);
                    }
                }
                return null;
            }));
        }
        Future<List<StoredEvent>> ordered = threads.submit(() -> readUntilQuiet(
                (checkpoint, limit) -> new OrderedEventReader(database.dataSource()).readAfter(checkpoint, limit), writers));
        Future<List<StoredEvent>> naive = threads.submit(() -> readUntilQuiet(
                OrderedEventReaderGapTest::readByPositionOnly, writers));
        for (Future<?> writer : writers) {
            writer.get();
        }
        List<StoredEvent> read = ordered.get();
        threads.shutdown();

        long outOfOrderCommits = outOfOrderCommits(commits);
        long naiveMissed = written.size() + STREAMS - naive.get().size();
        log.info("{} events written in {} commits, {} of them committed after a later position; {} appends refused "
                + "to transactions older than their stream's last writer; a reader by position alone missed {}",
                written.size(), commits.size(), outOfOrderCommits, STALE_REFUSED.get(), naiveMissed);
        assertThat(outOfOrderCommits).as("commits out of position order during the test").isPositive();

        List<UUID> readIds = read.stream().map(StoredEvent::eventId).toList();
        assertThat(readIds).doesNotHaveDuplicates();
        assertThat(readIds).containsAll(written.stream().map(StoredEvent::eventId).toList());
        assertThat(read).hasSize(written.size() + STREAMS);
        assertThat(read).isSortedAccordingTo(Comparator.comparingLong(StoredEvent::transactionId)
                .thenComparingLong(StoredEvent::position));
        Map<UUID, List<Long>> versionsByStream = read.stream().collect(Collectors.groupingBy(StoredEvent::streamId,
                Collectors.mapping(StoredEvent::version, Collectors.toList())));
        versionsByStream.forEach((stream, versions) -> assertThat(versions)
                .as("versions of stream %s in reading order", stream)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, versions.size()).boxed().toList()));
        assertThat(STALE_REFUSED.get()).as("appends refused to transactions older than the stream's last writer")
                .isPositive();
    }

    /**
     * Appends one or a few events to a random stream. One write in four holds its transaction open a
     * while after inserting, so that later writes commit before it; one in four takes its transaction
     * id first, as a consumer recording its message does, and appends a while later, so that younger
     * transactions may have written the stream meanwhile.
     */
    private static List<StoredEvent> writeOnce(TransactionTemplate transaction, List<UUID> streams) {
        var random = ThreadLocalRandom.current();
        UUID stream = streams.get(random.nextInt(streams.size()));
        List<NewEvent> events = EventStoreContract.events(1 + random.nextInt(3));
        try {
            return switch (random.nextInt(4)) {
                case 0 -> transaction.execute(status -> {
                    List<StoredEvent> stored = database.store().append(stream, version(stream), events);
                    sleep(5 + random.nextInt(40));
                    return stored;
                });
                case 1 -> transaction.execute(status -> {
                    PROCESSED.markProcessed("gap-test", UUID.randomUUID().toString()); // takes the transaction's id
                    sleep(5 + random.nextInt(40));
                    return database.store().append(stream, version(stream), events);
                });
                default -> database.store().append(stream, version(stream), events);
            };
        } catch (ConcurrencyConflictException conflict) {
            return List.of();
        } catch (StaleTransactionException refused) {
            STALE_REFUSED.incrementAndGet();
            return List.of();
        }
    }

    private static long version(UUID stream) {
        return database.store().read(stream, 1).size();
    }

    interface Reader {
        List<StoredEvent> readAfter(Checkpoint checkpoint, int limit);
    }

    /** Polls from its checkpoint until the writers are done and nothing more arrives. */
    private static List<StoredEvent> readUntilQuiet(Reader reader, List<Future<?>> writers) {
        List<StoredEvent> read = new ArrayList<>();
        Checkpoint checkpoint = Checkpoint.START;
        int quietPolls = 0;
        while (quietPolls < 20) {
            List<StoredEvent> batch = reader.readAfter(checkpoint, 50);
            read.addAll(batch);
            if (!batch.isEmpty()) {
                checkpoint = Checkpoint.after(batch.get(batch.size() - 1));
            }
            boolean writing = writers.stream().anyMatch(writer -> !writer.isDone());
            quietPolls = batch.isEmpty() && !writing ? quietPolls + 1 : 0;
            sleep(batch.isEmpty() ? 5 : 0);
        }
        return read;
    }

    /** The naive reader, for contrast: {@code WHERE position > last}. */
    private static List<StoredEvent> readByPositionOnly(Checkpoint checkpoint, int limit) {
        return new JdbcTemplate(database.dataSource()).query(PostgresEventStore.SELECT_EVENTS
                + "WHERE position > ? ORDER BY position LIMIT ?", PostgresEventStore.STORED_EVENT,
                checkpoint.position(), limit);
    }

    /** Commits whose position is below that of some commit before them. */
    private static long outOfOrderCommits(ConcurrentLinkedQueue<Commit> commits) {
        long highest = 0;
        long outOfOrder = 0;
        for (Commit commit : commits.stream().sorted(Comparator.comparingLong(Commit::commitOrder)).toList()) {
            if (commit.position() < highest) {
                outOfOrder++;
            }
            highest = Math.max(highest, commit.position());
        }
        return outOfOrder;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.financing.query.rebuild;

import io.financing.eventstore.Checkpoint;
import io.financing.eventstore.OrderedEventReader;
import io.financing.eventstore.StoredEvent;
import io.financing.query.projection.EventReader;
import io.financing.query.projection.ProjectedEvent;
import io.financing.query.projection.Projector;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drops the read models and projects them anew from every event in the store, from position 0, in
 * the store's order and through the same projections as the live feed, so the rows come out the
 * same. Run it while the query-service is stopped; afterwards the live feed resumes and skips what
 * the rebuild already applied.
 */
public final class Rebuild {

    private static final Logger log = LoggerFactory.getLogger(Rebuild.class);
    private static final int BATCH = 2_000;
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

    private final DataSource readModel;
    private final DataSource eventStore;
    private final Projector projector;
    private final EventReader events;

    public Rebuild(DataSource readModel, DataSource eventStore, Projector projector, EventReader reader) {
        this.readModel = readModel;
        this.events = reader;
        this.eventStore = eventStore;
        this.projector = projector;
    }

    /**
     * Reads each batch while the one before is projected: the event store and the read-model database
     * work at once, and so does the JSON parsing, on the reading thread.
     *
     * @return how many events it projected
     */
    public long run() {
        new JdbcTemplate(readModel).execute("TRUNCATE issuers, investors, invoices, command_statuses, caused_events");
        long total = total();
        log.info("Rebuilding the read models from {} events", total);
        var reader = new OrderedEventReader(eventStore);
        ExecutorService reading = Executors.newSingleThreadExecutor(task -> new Thread(task, "rebuild-reader"));
        long started = System.nanoTime();
        long lastReport = started;
        long done = 0;
        try {
            Batch batch = readAhead(reader, Checkpoint.START, reading).join();
            while (!batch.events().isEmpty()) {
                CompletableFuture<Batch> next = readAhead(reader, batch.last(), reading);
                projector.projectAll(batch.events());
                done += batch.events().size();
                if (System.nanoTime() - lastReport > PROGRESS_EVERY.toNanos()) {
                    lastReport = System.nanoTime();
                    log.info("Rebuilt {}/{} events, {} events/s", done, total, rate(done, started));
                }
                batch = next.join();
            }
        } finally {
            reading.shutdownNow();
        }
        log.info("Rebuilt the read models from {} events in {} ms, {} events/s", done,
                (System.nanoTime() - started) / 1_000_000, rate(done, started));
        return done;
    }

    /** A batch of events read, ready to project, and the checkpoint after its last one. */
    private record Batch(List<ProjectedEvent> events, Checkpoint last) {
    }

    private CompletableFuture<Batch> readAhead(OrderedEventReader store, Checkpoint after, ExecutorService reading) {
        return CompletableFuture.supplyAsync(() -> {
            List<StoredEvent> stored = store.readAfter(after, BATCH);
            return new Batch(stored.stream().map(events::fromStore).toList(),
                    stored.isEmpty() ? after : Checkpoint.after(stored.get(stored.size() - 1)));
        }, reading);
    }

    private long total() {
        Long count = new JdbcTemplate(eventStore).queryForObject("SELECT count(*) FROM eventstore.events", Long.class);
        return count == null ? 0 : count;
    }

    private static long rate(long done, long startedNanos) {
        long elapsed = Math.max(1, System.nanoTime() - startedNanos);
        return done * 1_000_000_000L / elapsed;
    }
}

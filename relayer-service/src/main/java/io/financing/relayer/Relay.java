package io.financing.relayer;

import io.financing.eventstore.Checkpoint;
import io.financing.eventstore.Checkpoints;
import io.financing.eventstore.EventNotifications;
import io.financing.eventstore.OrderedEventReader;
import io.financing.eventstore.StoredEvent;
import io.financing.observability.Traces;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the store's events to Kafka in the store's global order, at least once, never skipping one.
 *
 * <p>Many instances may run; one leads. Leadership is a PostgreSQL advisory lock held by one session,
 * and the leader does all its database work — reading events, saving the checkpoint — through that
 * session. If the session dies the lock goes with it, and so does the leader's ability to advance:
 * another instance takes over from the last saved checkpoint.
 *
 * <p>The checkpoint moves only after Kafka acknowledged the whole batch (acks=all), so a crash
 * re-publishes at most the batch in flight, with the same event ids.
 */
public final class Relay implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(Relay.class);
    private static final Duration STANDBY_RETRY = Duration.ofSeconds(1);
    private static final Duration ACKNOWLEDGEMENT_TIMEOUT = Duration.ofSeconds(30);

    private final DataSource dataSource;
    private final KafkaTemplate<String, String> kafka;
    private final RelayerProperties properties;
    private final Counter relayed;
    private final Counter batches;
    private final Timer publishing;
    private final HoldBack holdBack;
    private final Traces traces;
    private volatile boolean running = true;
    private volatile boolean leading;
    private volatile Connection session;

    /** A relay that only passes on the traces stored with the events, adding no span of its own. */
    public Relay(DataSource dataSource, KafkaTemplate<String, String> kafka, RelayerProperties properties,
                 MeterRegistry meters) {
        this(dataSource, kafka, properties, meters, Traces.none());
    }

    public Relay(DataSource dataSource, KafkaTemplate<String, String> kafka, RelayerProperties properties,
                 MeterRegistry meters, Traces traces) {
        this.dataSource = dataSource;
        this.kafka = kafka;
        this.properties = properties;
        this.traces = traces;
        this.holdBack = new HoldBack(properties.name(), properties.holdBackWarning());
        meters.gauge("financing.relay.holdback.seconds", this, relay -> relay.holdBack.seconds());
        this.relayed = meters.counter("relayer.events", "relay", properties.name());
        this.batches = meters.counter("relayer.batches", "relay", properties.name());
        this.publishing = meters.timer("relayer.publish", "relay", properties.name());
        meters.gauge("relayer.leader", List.of(Tag.of("relay", properties.name())), this,
                relay -> relay.leading ? 1 : 0);
    }

    @Override
    public void run() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                session = connection;
                connection.setAutoCommit(true);
                if (tryLead(connection)) {
                    relayWhileLeading(new SingleConnectionDataSource(connection, true));
                } else {
                    sleep(STANDBY_RETRY);
                }
            } catch (RuntimeException | SQLException e) {
                if (running) {
                    log.warn("Relay {} lost its way; starting over from the last checkpoint", properties.name(), e);
                    sleep(STANDBY_RETRY);
                }
            } finally {
                leading = false;
            }
        }
    }

    public boolean isLeading() {
        return leading;
    }

    /** Stops after the batch in hand; the checkpoint stays where the last acknowledged batch left it. */
    public void stop() {
        running = false;
    }

    /** Stops at once, as a crash would: the session dies and the batch in flight is not checkpointed. */
    void crash() {
        running = false;
        try {
            Connection connection = session;
            if (connection != null) {
                connection.abort(Runnable::run);
            }
        } catch (SQLException e) {
            log.debug("Aborting the session of relay {}", properties.name(), e);
        }
    }

    private boolean tryLead(Connection connection) throws SQLException {
        try (var lock = connection.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))")) {
            lock.setString(1, properties.name());
            var result = lock.executeQuery();
            result.next();
            return result.getBoolean(1);
        }
    }

    private void relayWhileLeading(DataSource session) {
        leading = true;
        var reader = new OrderedEventReader(session);
        var checkpoints = new Checkpoints(session);
        Checkpoint checkpoint = checkpoints.load(properties.name());
        log.info("Relay {} leads from {}", properties.name(), checkpoint);
        try (var notifications = new EventNotifications(session)) {
            while (running) {
                List<StoredEvent> batch = reader.readAfter(checkpoint, properties.batchSize());
                if (batch.isEmpty()) {
                    awaitNewEvents(reader, checkpoint, notifications, session);
                    continue;
                }
                holdBack.released();
                publishing.record(() -> publish(batch));
                checkpoint = Checkpoint.after(batch.get(batch.size() - 1));
                checkpoints.save(properties.name(), checkpoint);
                relayed.increment(batch.size());
                batches.increment();
            }
        }
    }

    /**
     * Waits for a notification, or the poll interval; but events held back by an older transaction are
     * released when it ends, which no notification announces: those are looked for again soon.
     */
    private void awaitNewEvents(OrderedEventReader reader, Checkpoint checkpoint, EventNotifications notifications,
                                DataSource session) {
        if (reader.heldBack(checkpoint)) {
            holdBack.heldBack(session);
            sleep(properties.heldBackRetry());
        } else {
            holdBack.released();
            notifications.await(properties.pollInterval());
        }
    }

    /** Sends the whole batch, then waits until Kafka has acknowledged every event of it. */
    private void publish(List<StoredEvent> batch) {
        CompletableFuture<?>[] sent = batch.stream().map(this::send).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(sent).get(ACKNOWLEDGEMENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Kafka did not acknowledge a batch of " + batch.size() + " events", e);
        }
    }

    /**
     * Sends one event. One that was stored as part of a trace goes on with it: a span of the relay, the child
     * of the span that stored the event, whose context the event's {@code traceparent} header carries on.
     */
    private CompletableFuture<?> send(StoredEvent event) {
        var record = new ProducerRecord<>(properties.topic(), event.streamId().toString(), Envelope.of(event));
        String stored = event.metadata().traceparent();
        if (stored == null) {
            return kafka.send(record);
        }
        Span span = traces.startChildOf(stored, "relay " + event.name()).tag("event.id", event.eventId().toString());
        String traceparent = traces.traceparentOf(span).orElse(stored);
        Traces.putTraceparent(record.headers(), traceparent);
        return kafka.send(record).whenComplete((sent, failure) -> {
            if (failure != null) {
                span.error(failure);
            }
            span.end();
        });
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

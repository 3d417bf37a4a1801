package io.financing.console.feed;

import io.financing.console.ConsoleProperties;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The events on {@code financing.events} as they arrive, for every page watching them. It reads every partition
 * itself, in no consumer group, committing nothing: watching takes nothing from the services' consumers. It reads
 * only while a page watches, from the last {@code feedHistory} events of each partition then: a console nobody
 * looks at costs the system nothing. A page that falls behind misses events rather than holding up the others.
 */
@Component
public class LiveFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);
    private static final Duration RETRY = Duration.ofSeconds(2);
    /** How long Kafka may take to say which partitions the topic has, and where each begins and ends. */
    private static final Duration METADATA_WAIT = Duration.ofSeconds(10);
    /** How soon a page that starts watching is noticed. */
    private static final Duration IDLE = Duration.ofMillis(250);

    private final ConsoleProperties properties;
    private final Sinks.Many<FeedEvent> arrivals = Sinks.many().multicast().directBestEffort();
    /**
     * The latest {@code feedHistory} events of each partition, as the reader resumes from: a page opening the feed
     * while another watches is shown what it would have been shown alone, whatever order the partitions came in.
     */
    private final Map<Integer, ArrayDeque<FeedEvent>> recent = new HashMap<>();
    /** Reads only while a page watches: the reader thread's own, but for {@link #stop} waking it. */
    private volatile KafkaConsumer<String, String> consumer;
    private final AtomicInteger watching = new AtomicInteger();
    private volatile boolean running;
    private volatile String trouble = "connecting to Kafka";
    private Thread reader;

    LiveFeed(ConsoleProperties properties) {
        this.properties = properties;
    }

    /** The recent events that pass the filter, oldest first, then each one that arrives. */
    public Flux<FeedEvent> events(String aggregateType, String aggregateId) {
        return Flux.defer(() -> Flux.concat(Flux.fromIterable(recent()), arrivals.asFlux()))
                .filter(event -> event.matches(aggregateType, aggregateId))
                .doOnSubscribe(subscription -> watching.incrementAndGet())
                .doFinally(signal -> watching.decrementAndGet());
    }

    /** Why the feed is not reading, or null while it is. */
    public String trouble() {
        return trouble;
    }

    private synchronized List<FeedEvent> recent() {
        return recent.values().stream().flatMap(ArrayDeque::stream)
                .sorted(Comparator.comparingLong(event -> event.envelope().position())).toList();
    }

    private synchronized void forget() {
        recent.clear();
    }

    private synchronized void remember(int partition, FeedEvent event) {
        var latest = recent.computeIfAbsent(partition, any -> new ArrayDeque<>());
        latest.addLast(event);
        while (latest.size() > properties.feedHistory()) {
            latest.removeFirst();
        }
    }

    @Override
    public void start() {
        running = true;
        reader = Thread.ofPlatform().name("console-feed").daemon().start(this::read);
    }

    @Override
    public void stop() {
        running = false;
        var reading = consumer;
        if (reading != null) {
            reading.wakeup();
        }
        try {
            reader.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * While a page watches, a consumer of its own reads; when none does, it is closed. After any failure it is closed
     * too, and a new one starts over: nothing of a broker that went away is carried into its return.
     */
    private void read() {
        while (running) {
            try {
                if (watching.get() > 0) {
                    if (consumer == null) {
                        consumer = fromRecent();
                    }
                    poll();
                } else {
                    close();
                    Thread.sleep(IDLE);
                }
            } catch (WakeupException | InterruptedException stopping) {
                break;
            } catch (RuntimeException e) {
                trouble = "Kafka: " + e.getMessage();
                log.warn("The live feed could not read {}; trying again in {} s: {}", properties.eventsTopic(),
                        RETRY.toSeconds(), e.toString());
                close();
                sleep();
            }
        }
        close();
    }

    /** A consumer of every partition of the topic, from the last {@code feedHistory} events of each. */
    private KafkaConsumer<String, String> fromRecent() {
        var opened = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", properties.kafkaBootstrap(),
                "client.id", "console-feed", "enable.auto.commit", false, "auto.offset.reset", "latest"),
                new StringDeserializer(), new StringDeserializer());
        try {
            List<TopicPartition> partitions = opened.partitionsFor(properties.eventsTopic(), METADATA_WAIT)
                    .stream().map(partition -> new TopicPartition(partition.topic(), partition.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException("no topic " + properties.eventsTopic() + " yet");
            }
            opened.assign(partitions);
            Map<TopicPartition, Long> beginnings = opened.beginningOffsets(partitions, METADATA_WAIT);
            opened.endOffsets(partitions, METADATA_WAIT).forEach((partition, end) ->
                    opened.seek(partition, Math.max(beginnings.get(partition), end - properties.feedHistory())));
            return opened;
        } catch (RuntimeException e) {
            opened.close(Duration.ZERO);
            throw e;
        }
    }

    private void close() {
        if (consumer != null) {
            consumer.close(Duration.ZERO);
            consumer = null;
            forget();
        }
    }

    private void poll() {
        var records = consumer.poll(Duration.ofMillis(500));
        trouble = null;
        // Across partitions, the order events were stored in: what is read back when a page starts watching comes at once.
        var events = new ArrayList<FeedEvent>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                FeedEvent event = FeedEvent.read(record.value());
                remember(record.partition(), event);
                events.add(event);
            } catch (RuntimeException unreadable) {
                log.debug("Not an event, passed over: {}", record.value());
            }
        }
        events.sort(Comparator.comparingLong(event -> event.envelope().position()));
        events.forEach(arrivals::tryEmitNext);
    }

    private void sleep() {
        try {
            Thread.sleep(RETRY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}

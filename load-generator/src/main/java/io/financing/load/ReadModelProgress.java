package io.financing.load;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * When each financing showed in the query service, for every invoice, not a sample. The query service commits
 * its consumer group's offsets on {@code financing.events} only after the events before them are in the read
 * models (one transaction per poll, committed first), so an InvoiceFinanced is visible to queries once the
 * group's committed offset of its partition has passed it. The offsets are read every few milliseconds through
 * Kafka's admin API: a question to the broker, none to the query service, whose load it would change.
 */
final class ReadModelProgress implements AutoCloseable {

    private static final String TOPIC = "financing.events";
    private static final String QUERY_SERVICE_GROUP = "query-service";
    private static final long EVERY_NANOS = 5_000_000;

    /** When each bid's InvoiceFinanced was in the read models (nanoTime, to within the interval), by bid command. */
    final Map<String, Long> financedAt = new ConcurrentHashMap<>();

    private final Map<Integer, ConcurrentSkipListMap<Long, String>> awaited = new ConcurrentHashMap<>();
    private final Admin admin;
    private final Thread thread;
    private volatile boolean running = true;

    ReadModelProgress(String bootstrap) {
        admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
        thread = new Thread(this::watch, "read-model-progress");
        thread.setDaemon(true);
        thread.start();
    }

    /** The bid's InvoiceFinanced is at this offset of this partition of {@code financing.events}. */
    void financed(int partition, long offset, String bidCommand) {
        awaited.computeIfAbsent(partition, p -> new ConcurrentSkipListMap<>()).put(offset, bidCommand);
    }

    private void watch() {
        while (running) {
            if (awaited.values().stream().allMatch(Map::isEmpty)) {
                LockSupport.parkNanos(EVERY_NANOS); // nothing to learn: no question to the broker either
                continue;
            }
            try {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(QUERY_SERVICE_GROUP)
                        .partitionsToOffsetAndMetadata().get();
                long now = System.nanoTime();
                committed.forEach((partition, offset) -> {
                    ConcurrentSkipListMap<Long, String> waiting = awaited.get(partition.partition());
                    if (offset != null && partition.topic().equals(TOPIC) && waiting != null) {
                        ConcurrentNavigableMap<Long, String> projected = waiting.headMap(offset.offset());
                        projected.values().forEach(bid -> financedAt.putIfAbsent(bid, now));
                        projected.clear();
                    }
                });
            } catch (ExecutionException brokerBusyOrAway) {
                // asked again at the next interval
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            LockSupport.parkNanos(EVERY_NANOS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
        admin.close();
    }
}

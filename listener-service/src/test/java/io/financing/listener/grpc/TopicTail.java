package io.financing.listener.grpc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads what a topic receives from the moment the tail is opened: a test's window on Kafka. */
final class TopicTail implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final Map<TopicPartition, Long> start;

    TopicTail(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        start = consumer.endOffsets(partitions);
        start.forEach(consumer::seek);
    }

    /** Waits for {@code count} records to arrive and returns them. */
    List<ConsumerRecord<String, String>> await(int count) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (records.size() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100)).forEach(records::add);
        }
        return records;
    }

    /** Whether anything was written to the topic since the tail was opened. */
    boolean received() {
        return !consumer.endOffsets(start.keySet()).equals(start);
    }

    @Override
    public void close() {
        consumer.close();
    }
}

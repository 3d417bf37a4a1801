package io.financing.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reading a whole topic, as tests and tools that look at the bus do. */
public final class Topics {

    private Topics() {
    }

    /** Every record on the topic right now, each partition in its order. */
    public static List<ConsumerRecord<String, String>> readAll(String bootstrapServers, String topic) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", bootstrapServers),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            Set<TopicPartition> done = new HashSet<>();
            while (done.size() < partitions.size()) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                partitions.stream().filter(p -> consumer.position(p) >= end.get(p)).forEach(done::add);
            }
            return records;
        }
    }
}

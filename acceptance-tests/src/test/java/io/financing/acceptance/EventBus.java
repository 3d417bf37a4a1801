package io.financing.acceptance;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A test's subscription to {@code financing.events}: what was published about one aggregate, in order. */
final class EventBus {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String bootstrap;

    EventBus(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** The names of the events published for the aggregate so far, first occurrences in their order. */
    List<String> names(String aggregateId) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ConsumerRecord<String, String> record : everything()) {
            if (record.key().equals(aggregateId)) {
                JsonNode envelope = JSON.readTree(record.value());
                if (seen.add(envelope.get("eventId").asString())) {
                    names.add(envelope.get("name").asString());
                }
            }
        }
        return names;
    }

    private List<ConsumerRecord<String, String>> everything() {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", bootstrap),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("financing.events").stream()
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

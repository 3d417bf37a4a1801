package io.financing.acceptance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Where the services' consumer groups stand, as Kafka itself says: their members, and what each has yet to read. */
final class ConsumerGroups implements AutoCloseable {

    /** Every group of every service that consumes, and the topic it reads. */
    static final Map<String, String> TOPICS = Map.of("financing-service-commands", "financing.commands",
            "financing-service-registering", "registering.events", "financing-service-saga", "financing.events",
            "query-service", "financing.events");

    private final Admin admin;

    ConsumerGroups(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** How many members hold at least one partition, per group. */
    Map<String, Integer> membersWithPartitions() throws ExecutionException, InterruptedException {
        Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(TOPICS.keySet()).all().get();
        return groups.values().stream().collect(Collectors.toMap(ConsumerGroupDescription::groupId,
                group -> (int) group.members().stream().map(MemberDescription::assignment)
                        .filter(assignment -> !assignment.topicPartitions().isEmpty()).count()));
    }

    /**
     * Each partition some group has not read to its end, with how far behind it is; empty when every group has
     * read everything. A partition the group never committed an offset for counts from 0.
     */
    List<String> unread() throws ExecutionException, InterruptedException {
        List<String> behind = new ArrayList<>();
        for (var groupAndTopic : TOPICS.entrySet()) {
            String group = groupAndTopic.getKey();
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> ends = admin.describeTopics(List.of(groupAndTopic.getValue()))
                    .allTopicNames().get().values().stream()
                    .flatMap(topic -> topic.partitions().stream()
                            .map(partition -> new TopicPartition(topic.name(), partition.partition())))
                    .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
            admin.listOffsets(ends).all().get().forEach((partition, end) -> {
                long read = committed.get(partition) == null ? 0 : committed.get(partition).offset();
                if (read < end.offset()) {
                    behind.add(group + " " + partition + ": " + (end.offset() - read) + " unread");
                }
            });
        }
        return behind;
    }

    @Override
    public void close() {
        admin.close();
    }
}

package io.financing.acceptance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import io.financing.localstack.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
        for (ConsumerRecord<String, String> record : Topics.readAll(bootstrap, "financing.events")) {
            if (record.key().equals(aggregateId)) {
                JsonNode envelope = JSON.readTree(record.value());
                if (seen.add(envelope.get("eventId").asString())) {
                    names.add(envelope.get("name").asString());
                }
            }
        }
        return names;
    }
}

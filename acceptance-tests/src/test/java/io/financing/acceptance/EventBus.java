package io.financing.acceptance;

import io.financing.api.event.EventEnvelope;
import io.financing.api.json.EventJson;
import io.financing.localstack.Topics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A test's subscription to {@code financing.events}: what was published about one aggregate, in order. */
final class EventBus {

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
                EventEnvelope envelope = EventJson.readPublished(record.value()).envelope();
                if (seen.add(envelope.eventId().toString())) {
                    names.add(envelope.name());
                }
            }
        }
        return names;
    }
}

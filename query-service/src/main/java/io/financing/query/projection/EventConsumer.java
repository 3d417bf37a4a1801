package io.financing.query.projection;

import java.util.ArrayList;
import java.util.List;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The projections' feed: {@code financing.events}, keyed by aggregate, so each aggregate's events
 * arrive in order. What happens to an event that fails: {@link ProjectionFailures}.
 */
@Component
class EventConsumer {

    private final Projector projector;
    private final JsonMapper json = JsonMapper.builder().build();

    EventConsumer(Projector projector) {
        this.projector = projector;
    }

    /**
     * Projects what one poll brought, in one transaction. An envelope that cannot be read is handed to
     * the error handler alone (the events before it projected first), which moves it to the dead
     * letters and goes on after it; any other failure rolls the whole batch back to be retried.
     */
    @KafkaListener(topics = "${financing.query.events-topic}", groupId = "query-service",
            concurrency = "${financing.query.concurrency}", batch = "true")
    void on(List<String> envelopes) {
        List<ProjectedEvent> events = new ArrayList<>(envelopes.size());
        for (int i = 0; i < envelopes.size(); i++) {
            try {
                events.add(parse(envelopes.get(i)));
            } catch (MalformedEventException malformed) {
                projector.projectAll(events);
                throw new BatchListenerFailedException(malformed.getMessage(), malformed, i);
            }
        }
        projector.projectAll(events);
    }

    private ProjectedEvent parse(String envelope) {
        try {
            return ProjectedEvent.fromEnvelope(json.readTree(envelope));
        } catch (RuntimeException e) {
            throw new MalformedEventException("Not an event envelope: " + envelope, e);
        }
    }
}

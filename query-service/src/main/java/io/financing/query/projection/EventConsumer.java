package io.financing.query.projection;

import org.springframework.kafka.annotation.KafkaListener;
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

    @KafkaListener(topics = "${financing.query.events-topic}", groupId = "query-service",
            concurrency = "${financing.query.concurrency}")
    void on(String envelope) {
        projector.project(parse(envelope));
    }

    private ProjectedEvent parse(String envelope) {
        try {
            return ProjectedEvent.fromEnvelope(json.readTree(envelope));
        } catch (RuntimeException e) {
            throw new MalformedEventException("Not an event envelope: " + envelope, e);
        }
    }
}

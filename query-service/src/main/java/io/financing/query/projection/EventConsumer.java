package io.financing.query.projection;

import io.financing.api.json.UnreadableMessageException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * The projections' feed: {@code financing.events}, keyed by aggregate, so each aggregate's events
 * arrive in order. What happens to an event that fails: {@link ProjectionFailures}.
 */
@Component
class EventConsumer {

    private final Projector projector;
    private final EventReader reader;

    EventConsumer(Projector projector, EventReader reader) {
        this.projector = projector;
        this.reader = reader;
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
                events.add(reader.fromBus(envelopes.get(i)));
            } catch (UnreadableMessageException unreadable) {
                projector.projectAll(events);
                throw new BatchListenerFailedException(unreadable.getMessage(), unreadable, i);
            }
        }
        projector.projectAll(events);
    }
}

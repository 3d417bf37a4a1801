package io.financing.query.projection;

import io.financing.api.event.EventEnvelope;
import io.financing.api.event.FinancingEvent;
import io.financing.api.json.EventJson;
import io.financing.eventstore.StoredEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads events for the projections, as a tolerant reader: an event whose name this version does not know
 * (one a newer financing-service publishes) is read without it, to change nothing shown; it is counted in
 * {@code financing_events_unknown_total} by name, and logged once per name. One that cannot be read at all is an
 * {@link io.financing.api.json.UnreadableMessageException}.
 */
@Component
public class EventReader {

    private static final Logger log = LoggerFactory.getLogger(EventReader.class);

    private final MeterRegistry meters;
    private final Set<String> unknownNames = ConcurrentHashMap.newKeySet();

    EventReader(MeterRegistry meters) {
        this.meters = meters;
    }

    /** An envelope from {@code financing.events}. */
    ProjectedEvent fromBus(String message) {
        EventJson.Published published = EventJson.readPublished(message);
        EventEnvelope envelope = published.envelope();
        return new ProjectedEvent(envelope.eventId(), envelope.name(), envelope.aggregateType(),
                envelope.aggregateId(), envelope.version(), envelope.position(), envelope.occurredAt(), envelope.correlationId(),
                envelope.causationId(), counted(envelope.name(), published.event()));
    }

    /** An event from the store, in a rebuild. */
    public ProjectedEvent fromStore(StoredEvent stored) {
        return new ProjectedEvent(stored.eventId(), stored.name(), stored.streamType(), stored.streamId(),
                stored.version(), stored.position(), stored.occurredAt(), stored.metadata().correlationId(),
                stored.metadata().causationId(), counted(stored.name(), EventJson.readStored(stored.name(), stored.data())));
    }

    private Optional<FinancingEvent> counted(String name, Optional<FinancingEvent> event) {
        if (event.isEmpty()) {
            meters.counter("financing.events.unknown", "name", name).increment();
            if (unknownNames.add(name)) {
                log.warn("Skipping events named {}: this version of the query service does not know them", name);
            }
        }
        return event;
    }
}

package io.financing.relayer;

import io.financing.api.event.EventEnvelope;
import io.financing.api.json.EventJson;
import io.financing.eventstore.StoredEvent;

/** A stored event as published on {@code financing.events}: in its {@link EventEnvelope}, its data as stored. */
public final class Envelope {

    private Envelope() {
    }

    public static String of(StoredEvent event) {
        var envelope = new EventEnvelope(event.eventId(), event.name(), event.streamType(), event.streamId(),
                event.version(), event.position(), event.occurredAt(), event.metadata().correlationId(),
                event.metadata().causationId());
        // The store holds the data as JSON already (jsonb): copied as it is, not parsed and written again.
        return EventJson.write(envelope, event.data());
    }
}

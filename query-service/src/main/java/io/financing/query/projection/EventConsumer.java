package io.financing.query.projection;

import io.financing.api.json.UnreadableMessageException;
import io.financing.observability.Traces;
import io.micrometer.tracing.Span;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
    private final Traces traces;
    private final ProjectionLag lag;

    EventConsumer(Projector projector, EventReader reader, Traces traces, ProjectionLag lag) {
        this.projector = projector;
        this.reader = reader;
        this.traces = traces;
        this.lag = lag;
    }

    /**
     * Projects what one poll brought, in one transaction. An envelope that cannot be read is handed to
     * the error handler alone (the events before it projected first), which moves it to the dead
     * letters and goes on after it; any other failure rolls the whole batch back to be retried.
     */
    @KafkaListener(topics = "${financing.query.events-topic}", groupId = "query-service",
            concurrency = "${financing.query.concurrency}", batch = "true")
    void on(List<ConsumerRecord<String, String>> records, Consumer<?, ?> consumer) {
        List<ProjectedEvent> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                events.add(reader.fromBus(records.get(i).value()));
            } catch (UnreadableMessageException unreadable) {
                project(records.subList(0, i), events);
                throw new BatchListenerFailedException(unreadable.getMessage(), unreadable, i);
            }
        }
        project(records, events);
        lag.projected(records, consumer);
    }

    /**
     * Projects the events; each that came with a trace is a span of it, from the start of the batch's
     * transaction to its commit: the last step of the trace that began with the command.
     */
    private void project(List<ConsumerRecord<String, String>> records, List<ProjectedEvent> events) {
        List<Span> spans = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, String> record = records.get(i);
            String projection = "project " + events.get(i).aggregateType();
            Traces.traceparentOf(record.headers()).ifPresent(traceparent -> spans.add(traces
                    .startChildOf(traceparent, projection)
                    .tag("aggregate.id", record.key()).tag("events.in.transaction", records.size())));
        }
        try {
            projector.projectAll(events);
        } catch (RuntimeException e) {
            spans.forEach(span -> span.error(e));
            throw e;
        } finally {
            spans.forEach(Span::end);
        }
    }
}

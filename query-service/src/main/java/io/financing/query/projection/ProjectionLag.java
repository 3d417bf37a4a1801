package io.financing.query.projection;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Component;

/**
 * How far the read models are behind {@code financing.events}: {@code financing.projection.lag.events} (the
 * events published and not yet projected) and {@code financing.projection.lag.seconds} (how long ago the last
 * event projected was published, while any is waiting; 0 once all are projected), for each read model. One
 * consumer projects every read model, each poll's events in one transaction, so all of them are behind by
 * the same amount: the figures say so for each by name, so that a dashboard or an alert can ask by name.
 */
@Component
class ProjectionLag {

    private final Map<TopicPartition, Long> waiting = new ConcurrentHashMap<>();
    private volatile long lastPublished; // the Kafka timestamp of the last event projected, in epoch millis

    ProjectionLag(List<Projection> projections, MeterRegistry meters) {
        projections.forEach(projection -> {
            Tags readModel = Tags.of("read_model", projection.readModel());
            meters.gauge("financing.projection.lag.events", readModel, this, ProjectionLag::events);
            meters.gauge("financing.projection.lag.seconds", readModel, this, ProjectionLag::seconds);
        });
    }

    /** The records were projected and committed; {@code consumer} knows how many wait behind them. */
    void projected(List<ConsumerRecord<String, String>> records, Consumer<?, ?> consumer) {
        for (TopicPartition partition : consumer.assignment()) {
            consumer.currentLag(partition).ifPresent(behind -> waiting.put(partition, behind));
        }
        if (!records.isEmpty()) {
            lastPublished = records.getLast().timestamp();
        }
    }

    private double events() {
        return waiting.values().stream().mapToLong(Long::longValue).sum();
    }

    private double seconds() {
        return events() == 0 ? 0 : Math.max(0, System.currentTimeMillis() - lastPublished) / 1000.0;
    }
}

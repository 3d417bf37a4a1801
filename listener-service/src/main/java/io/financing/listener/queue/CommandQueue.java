package io.financing.listener.queue;

import io.financing.api.command.CommandMessage;
import io.financing.observability.Traces;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The durable queue of commands: a Kafka topic written with acks=all by an idempotent producer,
 * keyed by the aggregate each command is addressed to, so one aggregate's commands stay in order.
 */
@Component
public class CommandQueue {

    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;
    private final String topic;
    private final Traces traces;

    CommandQueue(KafkaTemplate<String, String> kafka, JsonMapper json, ListenerProperties properties, Traces traces) {
        this.kafka = kafka;
        this.json = json;
        this.topic = properties.commandsTopic();
        this.traces = traces;
    }

    /**
     * Completes once Kafka has durably accepted the command; fails if it does not in bounded time. The command
     * carries the call's trace in its {@code traceparent} header, for the service that handles it to go on with.
     */
    public CompletableFuture<Void> enqueue(CommandMessage command) {
        var record = new ProducerRecord<>(topic, command.aggregateId().toString(), json.writeValueAsString(command));
        traces.currentTraceparent().ifPresent(traceparent -> Traces.putTraceparent(record.headers(), traceparent));
        try {
            return kafka.send(record).thenApply(result -> null);
        } catch (RuntimeException e) {
            // send() itself throws when it cannot even learn where the topic lives (max.block.ms).
            return CompletableFuture.failedFuture(e);
        }
    }
}

package io.financing.kafka.edge;

import io.financing.api.json.UnreadableMessageException;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import tools.jackson.core.JacksonException;

/**
 * Where a consumed message goes when it fails for good: to {@code <topic><suffix>}, with the error in its
 * headers (Spring Kafka's {@link DeadLetterPublishingRecoverer}), so that its partition goes on. A message
 * that can never be read goes there at once; any other failure is retried as the consumer's back-off says
 * first. Each consumer group has its own suffix, so that two groups' dead letters of one topic stay apart.
 */
public final class DeadLetters {

    private DeadLetters() {
    }

    /**
     * The error handler for a consumer whose dead letters end in {@code suffix}; each dead letter counts in
     * {@code financing.dead.letters{topic}}, by the topic it came from.
     */
    public static DefaultErrorHandler handler(KafkaOperations<Object, Object> kafka, String suffix, BackOff retries,
                                              MeterRegistry meters) {
        var recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, error) -> new TopicPartition(topic(record.topic(), suffix), -1));
        ConsumerRecordRecoverer counted = (record, error) -> {
            recoverer.accept(record, error);
            meters.counter("financing.dead.letters", "topic", record.topic()).increment();
        };
        var handler = new DefaultErrorHandler(counted, retries);
        handler.addNotRetryableExceptions(UnreadableMessageException.class, JacksonException.class);
        return handler;
    }

    /** The dead letters' topics, to be made at start-up: the brokers do not create topics on first use. */
    public static KafkaAdmin.NewTopics topics(String suffix, int replicas, String... consumed) {
        return new KafkaAdmin.NewTopics(newTopics(suffix, replicas, consumed));
    }

    static NewTopic[] newTopics(String suffix, int replicas, String... consumed) {
        return Arrays.stream(consumed)
                .map(topic -> TopicBuilder.name(topic(topic, suffix)).partitions(1).replicas(replicas).build())
                .toArray(NewTopic[]::new);
    }

    static String topic(String consumed, String suffix) {
        return consumed + suffix;
    }
}

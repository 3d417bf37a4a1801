package io.financing.kafka.edge;

import io.financing.api.json.UnreadableMessageException;
import java.util.Arrays;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
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

    /** The error handler for a consumer whose dead letters end in {@code suffix}. */
    public static DefaultErrorHandler handler(KafkaOperations<Object, Object> kafka, String suffix, BackOff retries) {
        var recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, error) -> new TopicPartition(topic(record.topic(), suffix), -1));
        var handler = new DefaultErrorHandler(recoverer, retries);
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

package io.financing.query.projection;

import io.financing.api.json.UnreadableMessageException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.core.JacksonException;

/**
 * What the projector does with an event it cannot apply. Skipping one would leave a read model wrong
 * for good, so an event that fails for a reason that may pass (the database away, a version gap while
 * a rebuild catches up) is retried every second for as long as it takes, holding back its partition
 * and saying so in the log. A message that can never be read goes to {@code <topic>.query-service.DLT}.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionFailures {

    private static final String DEAD_LETTER_SUFFIX = ".query-service.DLT";

    /** The dead letters' topic, made at start-up: the brokers do not create topics on first use. */
    @Bean
    NewTopic deadLetters(@Value("${financing.query.events-topic}") String events) {
        return TopicBuilder.name(events + DEAD_LETTER_SUFFIX).partitions(1).replicas(1).build();
    }

    @Bean
    CommonErrorHandler retryUntilApplied(KafkaOperations<Object, Object> kafka) {
        var deadLetters = new DeadLetterPublishingRecoverer(kafka,
                (record, error) -> new TopicPartition(record.topic() + DEAD_LETTER_SUFFIX, -1));
        var handler = new DefaultErrorHandler(deadLetters, new FixedBackOff(1_000, FixedBackOff.UNLIMITED_ATTEMPTS));
        handler.addNotRetryableExceptions(JacksonException.class, UnreadableMessageException.class);
        return handler;
    }
}

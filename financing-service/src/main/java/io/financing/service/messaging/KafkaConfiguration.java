package io.financing.service.messaging;

import io.financing.api.json.UnreadableMessageException;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What happens to a message that fails: while the database is away (a restart, a cut connection) it is
 * retried every interval until the database is back; for any other failure (a conflict that outlasted
 * the repository's own retries, a bug) a few times, then moved to {@code <topic>.DLT} with the error in
 * its headers, so that processing goes on. A message that can never be read goes there at once. Domain rejections
 * are outcomes, never failures, and never land here.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    static final String DEAD_LETTER_SUFFIX = ".DLT";

    @Bean
    CommonErrorHandler deadLetters(KafkaOperations<Object, Object> kafka,
                                   @Value("${financing.consumers.retry-interval}") long retryIntervalMs,
                                   @Value("${financing.consumers.retries}") long retries) {
        var recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, error) -> new TopicPartition(record.topic() + DEAD_LETTER_SUFFIX, -1));
        var handler = new DefaultErrorHandler(recoverer, new FixedBackOff(retryIntervalMs, retries));
        handler.addNotRetryableExceptions(UnreadableMessageException.class);
        var untilBack = new FixedBackOff(retryIntervalMs, FixedBackOff.UNLIMITED_ATTEMPTS);
        handler.setBackOffFunction((record, error) -> Outages.causedBy(error) ? untilBack : null);
        return handler;
    }

    @Bean
    KafkaAdmin.NewTopics deadLetterTopics(@Value("${financing.topics.commands}") String commands,
                                          @Value("${financing.topics.registering}") String registering,
                                          @Value("${financing.topics.events}") String events,
                                          @Value("${financing.topics.dead-letter-replicas}") int replicas) {
        List<NewTopic> topics = List.of(commands, registering, events).stream()
                .map(topic -> TopicBuilder.name(topic + DEAD_LETTER_SUFFIX).partitions(1).replicas(replicas).build())
                .toList();
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}

package io.financing.service.messaging;

import io.financing.eventstore.Outages;
import io.financing.kafka.edge.DeadLetters;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What happens to a message that fails: while the database is away (a restart, a cut connection) it is
 * retried every interval until the database is back; for any other failure (a conflict that outlasted
 * the repository's own retries, a bug) a few times, then moved to {@code <topic>.DLT} with the error in
 * its headers, so that processing goes on ({@link DeadLetters}). A message that can never be read goes
 * there at once. Domain rejections are outcomes, never failures, and never land here.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    static final String DEAD_LETTER_SUFFIX = ".DLT";

    @Bean
    CommonErrorHandler deadLetters(KafkaOperations<Object, Object> kafka,
                                   @Value("${financing.consumers.retry-interval}") long retryIntervalMs,
                                   @Value("${financing.consumers.retries}") long retries, MeterRegistry meters) {
        var handler = DeadLetters.handler(kafka, DEAD_LETTER_SUFFIX, new FixedBackOff(retryIntervalMs, retries), meters);
        var untilBack = new FixedBackOff(retryIntervalMs, FixedBackOff.UNLIMITED_ATTEMPTS);
        handler.setBackOffFunction((record, error) -> Outages.causedBy(error) ? untilBack : null);
        return handler;
    }

    @Bean
    KafkaAdmin.NewTopics deadLetterTopics(@Value("${financing.topics.commands}") String commands,
                                          @Value("${financing.topics.registering}") String registering,
                                          @Value("${financing.topics.events}") String events,
                                          @Value("${financing.topics.dead-letter-replicas}") int replicas) {
        return DeadLetters.topics(DEAD_LETTER_SUFFIX, replicas, commands, registering, events);
    }
}

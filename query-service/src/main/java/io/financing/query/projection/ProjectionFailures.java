package io.financing.query.projection;

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
 * What the projector does with an event it cannot apply. Skipping one would leave a read model wrong
 * for good, so an event that fails for a reason that may pass (the database away, a version gap while
 * a rebuild catches up) is retried every second for as long as it takes, holding back its partition
 * and saying so in the log. A message that can never be read goes to {@code <topic>.query-service.DLT}.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionFailures {

    private static final String DEAD_LETTER_SUFFIX = ".query-service.DLT";

    @Bean
    KafkaAdmin.NewTopics deadLetters(@Value("${financing.query.events-topic}") String events) {
        return DeadLetters.topics(DEAD_LETTER_SUFFIX, 1, events);
    }

    @Bean
    CommonErrorHandler retryUntilApplied(KafkaOperations<Object, Object> kafka, MeterRegistry meters) {
        return DeadLetters.handler(kafka, DEAD_LETTER_SUFFIX, new FixedBackOff(1_000, FixedBackOff.UNLIMITED_ATTEMPTS),
                meters);
    }
}

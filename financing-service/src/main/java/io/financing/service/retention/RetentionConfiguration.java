package io.financing.service.retention;

import io.financing.eventstore.RetentionRounds;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The rounds of {@link ProcessedMessagesRetention}, from the service's start to its stop. */
@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

    @Bean(initMethod = "start", destroyMethod = "stop")
    RetentionRounds processedMessagesRetentionRounds(ProcessedMessagesRetention retention, RetentionProperties properties) {
        return new RetentionRounds("expired processed messages", properties.interval(), retention::forgetExpired);
    }
}

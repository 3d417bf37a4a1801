package io.financing.query.retention;

import io.financing.eventstore.RetentionRounds;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The rounds of {@link CommandRetention}, from the service's start to its stop. */
@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

    @Bean(initMethod = "start", destroyMethod = "stop")
    RetentionRounds commandRetentionRounds(CommandRetention retention, CommandRetentionProperties properties) {
        return new RetentionRounds("expired commands", properties.interval(), retention::forgetExpired);
    }
}

package io.financing.listener.grpc;

import io.financing.listener.command.CommandParser;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CommandsConfiguration {

    @Bean
    CommandParser commandParser() {
        return new CommandParser(Clock.systemUTC(), UUID::randomUUID);
    }
}

package io.financing.listener.grpc;

import io.financing.grpc.edge.UnreadableRequests;
import io.financing.listener.command.CommandParser;
import io.financing.listener.queue.CommandQueue;
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
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

    /** {@code financing.v1.Commands}; a request that is not even its message is refused as clearly as a bad field. */
    @Bean
    BindableService commands(CommandParser parser, CommandQueue queue) {
        ServerServiceDefinition service = UnreadableRequests.refusedClearly(new CommandsEndpoint(parser, queue).bindService());
        return () -> service;
    }

}

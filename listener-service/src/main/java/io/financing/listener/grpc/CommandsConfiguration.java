package io.financing.listener.grpc;

import io.financing.access.Callers;
import io.financing.api.v1.CommandsGrpc;
import io.financing.grpc.edge.ServingFollowsReadiness;
import io.financing.grpc.edge.UnreadableRequests;
import io.financing.listener.command.CommandParser;
import io.financing.listener.queue.CommandQueue;
import io.grpc.BindableService;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.protobuf.services.HealthStatusManager;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
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
    BindableService commands(CommandParser parser, CommandQueue queue, Callers callers, MeterRegistry meters) {
        ServerServiceDefinition service = ServerInterceptors.intercept(
                UnreadableRequests.refusedClearly(new CommandsEndpoint(parser, queue, callers).bindService()),
                new CommandsCounted(meters));
        return () -> service;
    }

    /** gRPC health, for the server and for {@code Commands} by name, follows readiness. */
    @Bean
    ServingFollowsReadiness servingFollowsReadiness(HealthStatusManager health, HealthEndpoint readiness,
                                                    @Value("${financing.grpc.health-interval:1s}") Duration interval) {
        return new ServingFollowsReadiness(health, readiness, interval, CommandsGrpc.SERVICE_NAME);
    }
}

package io.financing.console;

import io.financing.api.v1.CommandsGrpc;
import io.financing.api.v1.CommandsGrpc.CommandsBlockingStub;
import io.financing.api.v1.QueriesGrpc;
import io.financing.api.v1.QueriesGrpc.QueriesBlockingStub;
import io.financing.api.v1.QueriesGrpc.QueriesStub;
import io.financing.grpc.edge.ClientChannels;
import io.financing.populate.RegisteringPublisher;
import io.grpc.ManagedChannel;
import java.util.concurrent.TimeUnit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The parts of the system the console talks to, as any client does: the listener and the query service over gRPC
 * (TLS and the bearer token as {@link ClientChannels} reads them from the environment), and Kafka's
 * {@code registering.events}.
 */
@Configuration(proxyBeanMethods = false)
class Backends {

    /** Channels connect lazily and reconnect by themselves: a service down at start is only missing until it is up. */
    record Channels(ManagedChannel commands, ManagedChannel queries) implements AutoCloseable {

        @Override
        public void close() throws InterruptedException {
            commands.shutdown();
            queries.shutdown();
            commands.awaitTermination(2, TimeUnit.SECONDS);
            queries.awaitTermination(2, TimeUnit.SECONDS);
        }
    }

    @Bean
    Channels channels(ConsoleProperties properties) {
        ClientChannels clients = ClientChannels.from(System.getenv());
        return new Channels(clients.to(properties.commandsAddress()), clients.to(properties.queriesAddress()));
    }

    @Bean
    CommandsBlockingStub commands(Channels channels) {
        return CommandsGrpc.newBlockingStub(channels.commands());
    }

    @Bean
    QueriesBlockingStub queries(Channels channels) {
        return QueriesGrpc.newBlockingStub(channels.queries());
    }

    @Bean
    QueriesStub watches(Channels channels) {
        return QueriesGrpc.newStub(channels.queries());
    }

    @Bean
    RegisteringPublisher registeringPublisher(ConsoleProperties properties) {
        return new RegisteringPublisher(properties.kafkaBootstrap(), properties.registeringTopic());
    }
}

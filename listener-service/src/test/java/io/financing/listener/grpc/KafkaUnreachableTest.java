package io.financing.listener.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.financing.api.v1.CommandsGrpc;
import io.financing.grpc.edge.GrpcProbe;
import io.financing.listener.Requests;
import io.financing.localstack.Ports;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcPort;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With no Kafka to hold the command, the client hears UNAVAILABLE in bounded time and may retry. Authentication
 * is off here (FINANCING_AUTH=off): the listener then takes commands from anyone, as it did before it had any.
 */
@SpringBootTest(properties = {
        "spring.grpc.server.port=0",
        "financing.access.enabled=off",
        "spring.kafka.producer.properties.max.block.ms=1000",
        "spring.kafka.producer.properties.delivery.timeout.ms=2000",
        "spring.kafka.producer.properties.request.timeout.ms=1000"})
class KafkaUnreachableTest {

    @DynamicPropertySource
    static void kafkaNowhere(DynamicPropertyRegistry registry) {
        int nothingListens = Ports.free();
        registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + nothingListens);
    }

    @LocalGrpcPort
    int port;

    @Test
    void grpcHealthSaysNotServingForTheServerAndTheCommandsService() {
        var channel = ManagedChannelBuilder.forAddress("localhost", port).usePlaintext().build();
        try (var probe = new GrpcProbe(channel)) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(probe.health("")).isEqualTo(ServingStatus.NOT_SERVING);
                assertThat(probe.health(CommandsGrpc.SERVICE_NAME)).isEqualTo(ServingStatus.NOT_SERVING);
            });
        }
    }

    @Test
    void answersUnavailableNamingTheCommandIdToRetryWith() {
        var channel = ManagedChannelBuilder.forAddress("localhost", port).usePlaintext().build();
        try {
            // The deadline is far beyond the configured bounds: a hang would end in DEADLINE_EXCEEDED instead.
            var commands = CommandsGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
            var command = Requests.sellInvoice(Requests.ISSUER, "10", "d00d0000-0000-4000-8000-0000000000cc");

            assertThatThrownBy(() -> commands.sellInvoice(command))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e ->
                            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE))
                    .hasMessageContaining("retry it with command_id d00d0000-0000-4000-8000-0000000000cc");
        } finally {
            channel.shutdownNow();
        }
    }
}

package io.financing.listener.grpc;

import static io.financing.listener.Requests.sellInvoice;
import static org.assertj.core.api.Assertions.assertThat;

import io.financing.api.access.Caller;
import io.financing.api.command.CommandMessage;
import io.financing.api.v1.CommandsGrpc;
import io.financing.grpc.edge.ClientChannels;
import io.financing.listener.Requests;
import io.financing.localstack.SharedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcPort;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** FINANCING_AUTH=off: commands come from anyone, with no token, and anyone may act for any party. */
@SpringBootTest(properties = {"spring.grpc.server.port=0", "financing.access.enabled=off"})
class AuthenticationOffTest {

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> SharedInfrastructure.get().kafka().bootstrapServers());
    }

    @LocalGrpcPort
    int port;

    @Test
    void aCommandWithoutATokenIsEnqueuedAsFromAnyone() {
        var channel = ClientChannels.plaintext().to("localhost", port);
        try (var topic = new TopicTail(SharedInfrastructure.get().kafka().bootstrapServers(), "financing.commands")) {
            CommandsGrpc.newBlockingStub(channel).sellInvoice(sellInvoice(Requests.ISSUER, "10", ""));

            var enqueued = JsonMapper.builder().build().readValue(topic.await(1).get(0).value(), CommandMessage.class);
            assertThat(enqueued.issuedBy()).isEqualTo(Caller.ANYONE);
        } finally {
            channel.shutdownNow();
        }
    }
}

package io.financing.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.financing.api.v1.PageRequest;
import io.financing.api.v1.QueriesGrpc;
import io.financing.api.v1.UUID;
import io.financing.grpc.edge.ClientChannels;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcPort;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** FINANCING_AUTH=off: every query is answered without a token, every investor's row to anyone. */
@SpringBootTest(properties = {"spring.grpc.server.port=0", "financing.access.enabled=off"})
class AuthenticationOffTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EventsOnTheBus.infrastructure(registry);
    }

    @LocalGrpcPort
    int port;

    @Test
    void queriesAreAnsweredWithoutATokenAsToAnOperator() {
        var channel = ClientChannels.plaintext().to("localhost", port);
        try {
            var queries = QueriesGrpc.newBlockingStub(channel);
            var unknown = UUID.newBuilder().setValue(java.util.UUID.randomUUID().toString()).build();

            assertThat(queries.allInvestors(PageRequest.getDefaultInstance())).isNotNull();
            assertThatThrownBy(() -> queries.getInvestor(unknown)).isInstanceOfSatisfying(StatusRuntimeException.class,
                    e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        } finally {
            channel.shutdownNow();
        }
    }
}

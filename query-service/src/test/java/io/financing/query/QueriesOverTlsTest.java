package io.financing.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.financing.localstack.LocalTls;
import org.junit.jupiter.api.Test;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcPort;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With a certificate and its key set, the query service speaks TLS only: a plaintext client gets no answer. */
@SpringBootTest(properties = {"spring.grpc.server.port=0", LocalTls.CERTIFICATE_SETTING, LocalTls.PRIVATE_KEY_SETTING})
class QueriesOverTlsTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EventsOnTheBus.infrastructure(registry);
    }

    @LocalGrpcPort
    int port;

    @Test
    void aTlsClientIsServedAndAPlaintextOneIsRefused() throws Exception {
        assertThat(LocalTls.servesTlsOnly(port, "")).isTrue();
    }
}

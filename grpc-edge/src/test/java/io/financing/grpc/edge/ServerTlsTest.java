package io.financing.grpc.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerTlsTest {

    @Test
    void neitherFileMeansPlaintext() {
        assertThat(ServerTls.from(Map.<String, String>of()::get)).isNull();
        assertThat(ServerTls.from(Map.of(ServerTls.CERTIFICATE, " ", ServerTls.PRIVATE_KEY, "")::get)).isNull();
    }

    @Test
    void bothFilesMeanTlsThroughASpringSslBundleOfThem() {
        ServerTls tls = ServerTls.from(Map.of(ServerTls.CERTIFICATE, "/etc/tls/server.crt",
                ServerTls.PRIVATE_KEY, "/etc/tls/server.key")::get);

        assertThat(tls.springSettings()).containsEntry("spring.grpc.server.ssl.bundle", "financing-grpc-server")
                .containsEntry("spring.ssl.bundle.pem.financing-grpc-server.keystore.certificate", "file:/etc/tls/server.crt")
                .containsEntry("spring.ssl.bundle.pem.financing-grpc-server.keystore.private-key", "file:/etc/tls/server.key");
    }

    @Test
    void oneWithoutTheOtherIsRefusedRatherThanServedInPlaintext() {
        assertThatThrownBy(() -> ServerTls.from(Map.of(ServerTls.CERTIFICATE, "/etc/tls/server.crt")::get))
                .hasMessageContaining(ServerTls.PRIVATE_KEY);
    }

    @Test
    void theEnvironmentNamesTheFilesAsSpringBindsIt() {
        ServerTls tls = ServerTls.fromEnvironment(Map.of("FINANCING_GRPC_TLS_CERTIFICATE", "/etc/tls/server.crt",
                "FINANCING_GRPC_TLS_PRIVATE_KEY", "/etc/tls/server.key"));

        assertThat(tls.environment()).containsOnly(Map.entry("FINANCING_GRPC_TLS_CERTIFICATE", "/etc/tls/server.crt"),
                Map.entry("FINANCING_GRPC_TLS_PRIVATE_KEY", "/etc/tls/server.key"));
    }
}

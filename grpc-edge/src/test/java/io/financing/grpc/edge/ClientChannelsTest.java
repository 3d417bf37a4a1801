package io.financing.grpc.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientChannelsTest {

    private static final String CERTIFICATE = "../local-stack/tls/localhost.crt";

    @Test
    void withoutACertificateToTrustToolsSpeakPlaintext() {
        assertThat(ClientChannels.from(Map.of()).trusted()).isEmpty();
        assertThat(ClientChannels.from(Map.of(ClientChannels.TRUST, " ")).trusted()).isEmpty();
    }

    @Test
    void theCertificateTheServersAreGivenIsTrustedWhenNoOtherIsNamed() {
        var channels = ClientChannels.from(Map.of(ClientChannels.CERTIFICATE, CERTIFICATE));

        assertThat(channels.trusted()).contains(new File(CERTIFICATE).getAbsoluteFile());
    }

    @Test
    void theCertificateNamedToTrustComesFirst() {
        var channels = ClientChannels.from(Map.of(ClientChannels.TRUST, CERTIFICATE,
                ClientChannels.CERTIFICATE, "/etc/tls/server.crt"));

        assertThat(channels.trusted()).contains(new File(CERTIFICATE).getAbsoluteFile());
        assertThat(channels.environment()).containsExactly(
                Map.entry(ClientChannels.TRUST, new File(CERTIFICATE).getAbsolutePath()));
    }

    @Test
    void aCertificateThatCannotBeReadIsNamedWithItsSetting() {
        assertThatThrownBy(() -> ClientChannels.from(Map.of(ClientChannels.TRUST, "/nowhere/ca.crt")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/nowhere/ca.crt").hasMessageContaining(ClientChannels.TRUST);
    }
}

package io.financing.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalSettingsTest {

    @Test
    void defaultsToTheDocumentedPortsAndHome() {
        LocalSettings settings = LocalSettings.from(Map.of());

        assertThat(settings.commandsPort()).isEqualTo(8080);
        assertThat(settings.queriesPort()).isEqualTo(8081);
        assertThat(settings.postgresPort()).isEqualTo(5432);
        assertThat(settings.kafkaPort()).isEqualTo(9092);
        assertThat(settings.kafkaControllerPort()).isEqualTo(9093);
        assertThat(settings.home()).isEqualTo(Path.of(".financing").toAbsolutePath());
    }

    @Test
    void takesEachPortAndTheHomeFromTheEnvironment() {
        LocalSettings settings = LocalSettings.from(Map.of("FINANCING_COMMANDS_PORT", "18080", "FINANCING_QUERIES_PORT", "18081",
                "FINANCING_POSTGRES_PORT", "15432", "FINANCING_KAFKA_PORT", "19092",
                "FINANCING_KAFKA_CONTROLLER_PORT", "19093", "FINANCING_HOME", "/tmp/elsewhere"));

        assertThat(settings).extracting(LocalSettings::home, LocalSettings::commandsPort, LocalSettings::queriesPort,
                        LocalSettings::postgresPort, LocalSettings::kafkaPort, LocalSettings::kafkaControllerPort)
                .containsExactly(Path.of("/tmp/elsewhere"), 18080, 18081, 15432, 19092, 19093);
    }

    @Test
    void withoutACertificateTheServersAndTheToolsSpeakPlaintext() {
        LocalSettings settings = LocalSettings.from(Map.of());

        assertThat(settings.tls()).isNull();
        assertThat(settings.clients().trusted()).isEmpty();
    }

    @Test
    void withACertificateAndKeyTheServersSpeakTlsAndTheToolsTrustThatCertificate() {
        LocalSettings settings = LocalSettings.from(Map.of("FINANCING_GRPC_TLS_CERTIFICATE", LocalTls.CERTIFICATE,
                "FINANCING_GRPC_TLS_PRIVATE_KEY", "../local-stack/tls/localhost.key"));

        assertThat(settings.tls().certificate()).isEqualTo(new File(LocalTls.CERTIFICATE));
        assertThat(settings.clients().trusted()).contains(new File(LocalTls.CERTIFICATE).getAbsoluteFile());
    }

    @Test
    void theToolsTrustTheCertificateNamedForThemFirst() {
        LocalSettings settings = LocalSettings.from(Map.of("FINANCING_GRPC_TLS_TRUST", LocalTls.CERTIFICATE));

        assertThat(settings.tls()).as("the servers are someone else's").isNull();
        assertThat(settings.clients().trusted()).contains(new File(LocalTls.CERTIFICATE).getAbsoluteFile());
    }

    @Test
    void refusesAPortThatIsNotANumberNamingTheVariable() {
        assertThatThrownBy(() -> LocalSettings.from(Map.of("FINANCING_KAFKA_PORT", "70000")))
                .hasMessage("FINANCING_KAFKA_PORT must be a port number from 1 to 65535, got \"70000\"");
    }
}

package io.financing.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadSettingsTest {

    @Test
    void defaultsToAModerateRunAgainstTheLocalSystem() {
        LoadSettings settings = LoadSettings.parse(new String[0], Map.of());

        assertThat(settings.rate()).isEqualTo(100);
        assertThat(settings.warmUpSeconds()).isEqualTo(10);
        assertThat(settings.durationSeconds()).isEqualTo(60);
        assertThat(settings.listenerOnly()).isFalse();
        assertThat(settings.decisions()).as("bids only: the figures compare with earlier runs").isFalse();
        assertThat(settings.randomAmounts()).as("every bid at the asking price").isFalse();
        assertThat(settings.commandsAddress()).isEqualTo("localhost:8080");
        assertThat(settings.queriesAddress()).isEqualTo("localhost:8081");
        assertThat(settings.kafkaBootstrap()).isEqualTo("localhost:9092");
        assertThat(settings.clients().trusted()).as("plaintext").isEmpty();
    }

    @Test
    void aContendedRunHasManyBidsPerInvoiceOfRandomAmounts() {
        LoadSettings settings = LoadSettings.parse(new String[]{"--bids-per-invoice", "15", "--amounts", "random"},
                Map.of());

        assertThat(settings.bidsPerInvoice()).isEqualTo(15);
        assertThat(settings.randomAmounts()).isTrue();
        assertThatThrownBy(() -> LoadSettings.parse(new String[]{"--amounts", "some"}, Map.of()))
                .hasMessageContaining("--amounts is asking or random");
    }

    @Test
    void speaksTlsTrustingTheCertificateTheEnvironmentNames() {
        LoadSettings settings = LoadSettings.parse(new String[0],
                Map.of("FINANCING_GRPC_TLS_TRUST", "../local-stack/tls/localhost.crt"));

        assertThat(settings.clients().trusted()).hasValueSatisfying(file -> assertThat(file).isFile());
    }

    @Test
    void takesAddressesFromTheEnvironmentAsTheAcceptanceTestsDo() {
        LoadSettings settings = LoadSettings.parse(new String[]{"--max", "--listener-only", "--decisions"}, Map.of(
                "FINANCING_COMMANDS_ADDR", "h:1", "FINANCING_QUERIES_ADDR", "h:2", "FINANCING_KAFKA_BOOTSTRAP", "h:3"));

        assertThat(settings.rate()).isZero();
        assertThat(settings.listenerOnly()).isTrue();
        assertThat(settings.decisions()).isTrue();
        assertThat(settings.commandsAddress()).isEqualTo("h:1");
        assertThat(settings.queriesAddress()).isEqualTo("h:2");
        assertThat(settings.kafkaBootstrap()).isEqualTo("h:3");
    }

    @Test
    void refusesWhatItDoesNotKnowNamingTheOption() {
        assertThatThrownBy(() -> LoadSettings.parse(new String[]{"--fast"}, Map.of()))
                .hasMessageContaining("--fast").hasMessageContaining("usage");
        assertThatThrownBy(() -> LoadSettings.parse(new String[]{"--duration", "0"}, Map.of()))
                .hasMessageContaining("--duration must be positive");
    }
}

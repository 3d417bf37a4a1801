package io.financing.console.caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.financing.api.access.Caller;
import io.financing.localstack.LocalIdentity;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class ConsoleCallerTest {

    @Test
    void thePageSaysWhoTheTokenNamesAndUntilWhen() {
        String token = LocalIdentity.generated().token(Caller.operator("console"), Duration.ofDays(30));

        var identity = ConsoleCaller.identityOf(token);

        assertThat(identity.name()).isEqualTo("console");
        assertThat(identity.role()).isEqualTo("operator");
        assertThat(identity.expiresAt()).isCloseTo(Instant.now().plus(Duration.ofDays(30)), within(1, ChronoUnit.MINUTES));
    }

    @Test
    void withoutATokenItSaysSo() {
        assertThat(ConsoleCaller.identityOf(null).role()).isEqualTo("none");
        assertThat(ConsoleCaller.identityOf("not a token").name()).isEqualTo("unreadable token");
    }
}

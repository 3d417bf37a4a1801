package io.financing.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** A token's signature is checked once; its expiry every time; and nothing is remembered for long. */
class RememberedTokensTest {

    private Instant now = Instant.parse("2026-12-04T10:00:00Z");
    private final List<String> verified = new ArrayList<>();
    private final JwtDecoder verifying = token -> {
        verified.add(token);
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("ann")
                .issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(3))).build();
    };

    private RememberedTokens tokens() {
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return now;
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        var expiry = new JwtTimestampValidator(Duration.ZERO);
        expiry.setClock(clock);
        return new RememberedTokens(verifying, expiry, clock, 2);
    }

    @Test
    void aTokenPresentedAgainIsNotVerifiedAgain() {
        RememberedTokens tokens = tokens();

        tokens.decode("a");
        Jwt again = tokens.decode("a");

        assertThat(again.getSubject()).isEqualTo("ann");
        assertThat(verified).containsExactly("a");
    }

    @Test
    void aRememberedTokenThatHasExpiredIsRefused() {
        RememberedTokens tokens = tokens();
        tokens.decode("a");

        now = now.plus(Duration.ofMinutes(4)); // expired, and still remembered

        assertThatThrownBy(() -> tokens.decode("a")).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void aTokenIsVerifiedAgainOnceRememberedLongEnoughAndTheLeastRecentlyUsedIsForgotten() {
        RememberedTokens tokens = tokens();
        tokens.decode("a");
        now = now.plus(RememberedTokens.REMEMBERED);
        tokens.decode("a");
        tokens.decode("b");
        tokens.decode("c");
        tokens.decode("a");

        assertThat(verified).containsExactly("a", "a", "b", "c", "a");
    }
}

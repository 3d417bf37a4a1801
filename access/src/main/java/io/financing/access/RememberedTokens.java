package io.financing.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * A decoder that checks a token's signature once, not on every call: a client sends the same token with each
 * call until it expires, and an RSA verification (with the parsing around it) was the listener's largest cost per
 * call after the network. What can change between two calls is checked every time: the claims' validity (expiry,
 * not-before), by the same validators. A token is remembered for {@link #REMEMBERED} at most, so that one signed
 * with a key the identity provider has since withdrawn stops passing within that time.
 */
final class RememberedTokens implements JwtDecoder {

    static final Duration REMEMBERED = Duration.ofMinutes(5);

    private record Verified(Jwt token, Instant forgetAt) {
    }

    private final JwtDecoder verifying;
    private final OAuth2TokenValidator<Jwt> validity;
    private final Clock clock;
    private final Map<String, Verified> verified;

    /**
     * @param verifying decodes, verifies the signature and validates the claims
     * @param validity  the claims' validators alone, run again on a remembered token
     * @param capacity  how many tokens to remember, the most recently used
     */
    RememberedTokens(JwtDecoder verifying, OAuth2TokenValidator<Jwt> validity, Clock clock, int capacity) {
        this.verifying = verifying;
        this.validity = validity;
        this.clock = clock;
        this.verified = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public Jwt decode(String token) {
        Verified known = remembered(token);
        if (known == null) {
            Jwt decoded = verifying.decode(token);
            remember(token, new Verified(decoded, clock.instant().plus(REMEMBERED)));
            return decoded;
        }
        OAuth2TokenValidatorResult result = validity.validate(known.token());
        if (result.hasErrors()) {
            throw new JwtValidationException(result.getErrors().iterator().next().getDescription(), result.getErrors());
        }
        return known.token();
    }

    private synchronized Verified remembered(String token) {
        Verified known = verified.get(token);
        if (known != null && !clock.instant().isBefore(known.forgetAt())) {
            verified.remove(token);
            return null;
        }
        return known;
    }

    private synchronized void remember(String token, Verified decoded) {
        verified.put(token, decoded);
    }
}

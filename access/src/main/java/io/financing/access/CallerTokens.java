package io.financing.access;

import io.financing.api.access.Caller;
import io.financing.api.access.Caller.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.util.StringUtils;

/**
 * The bearer tokens a caller may present: RS256-signed JWTs (so neither {@code alg: none} nor an HMAC made with
 * the public key passes) from the configured issuer, for our audience, unexpired and already valid, naming a
 * subject and one of the three roles. Spring Security and Nimbus JOSE do the parsing and the cryptography.
 */
final class CallerTokens {

    /** The claim that says whether the caller is an issuer, an investor or an operator. */
    static final String ROLE_CLAIM = "role";

    private CallerTokens() {
    }

    /** How many callers' tokens a server remembers as verified ({@link RememberedTokens}). */
    private static final int REMEMBERED_TOKENS = 10_000;

    static JwtDecoder decoder(AccessProperties access) {
        NimbusJwtDecoder decoder = keys(access);
        var validity = new DelegatingOAuth2TokenValidator<>(validators(access));
        decoder.setJwtValidator(validity);
        return new RememberedTokens(decoder, validity, Clock.systemUTC(), REMEMBERED_TOKENS);
    }

    /** The caller the token names (its claims already validated). */
    static AbstractAuthenticationToken authentication(Jwt token) {
        Caller caller = caller(token);
        return new JwtAuthenticationToken(token, AuthorityUtils.createAuthorityList("ROLE_" + caller.role().name()),
                caller.subject());
    }

    static Caller caller(Jwt token) {
        Role role = Role.ofClaim(token.getClaimAsString(ROLE_CLAIM))
                .orElseThrow(() -> new IllegalStateException("validated token without a role"));
        return new Caller(role, token.getSubject());
    }

    private static List<OAuth2TokenValidator<Jwt>> validators(AccessProperties access) {
        var timestamps = new JwtTimestampValidator(access.clockSkew());
        timestamps.setAllowEmptyExpiryClaim(false);
        return List.of(timestamps,
                new JwtIssuerValidator(access.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.contains(access.audience())),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, StringUtils::hasText),
                new JwtClaimValidator<String>(ROLE_CLAIM, role -> role != null && Role.ofClaim(role).isPresent()));
    }

    private static NimbusJwtDecoder keys(AccessProperties access) {
        if (StringUtils.hasText(access.jwksUri())) {
            return NimbusJwtDecoder.withJwkSetUri(access.jwksUri()).jwsAlgorithm(SignatureAlgorithm.RS256).build();
        }
        if (StringUtils.hasText(access.publicKey())) {
            return NimbusJwtDecoder.withPublicKey(publicKey(Path.of(access.publicKey())))
                    .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        }
        throw new IllegalStateException("Callers' tokens cannot be checked: set FINANCING_AUTH_JWKS_URI (a JWK Set) or "
                + "FINANCING_AUTH_PUBLIC_KEY (a PEM file with the RSA public key), or FINANCING_AUTH=off to let "
                + "everybody do everything");
    }

    private static RSAPublicKey publicKey(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            return RsaKeyConverters.x509().convert(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the public key " + pem, e);
        }
    }
}

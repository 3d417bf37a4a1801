package io.financing.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a gRPC server checks its callers' bearer tokens (defaults and environment variables in access.yml).
 *
 * @param enabled   whether a token is required ({@code FINANCING_AUTH}: on unless off, {@link AuthenticationSwitch});
 *                  off, everybody may do everything
 * @param issuer    the {@code iss} every token must have ({@code FINANCING_AUTH_ISSUER})
 * @param audience  what the token's {@code aud} must include ({@code FINANCING_AUTH_AUDIENCE})
 * @param jwksUri   where the signing keys are published, as a JWK Set ({@code FINANCING_AUTH_JWKS_URI}); or
 * @param publicKey a PEM file holding the one RSA public key that signs them ({@code FINANCING_AUTH_PUBLIC_KEY})
 * @param clockSkew how far the issuer's clock and ours may disagree about expiry and not-before
 */
@ConfigurationProperties("financing.access")
public record AccessProperties(String enabled, String issuer, String audience, String jwksUri, String publicKey,
                               Duration clockSkew) {
}

package io.financing.localstack;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.financing.api.access.Caller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/**
 * The local run's identity provider: one RSA key, made on the first start and kept in the home directory
 * (readable by its owner only). Its public half is the JWK Set the services check tokens against
 * ({@link JwksServer}); tokens are minted with it for the demo parties, the tools and the tests. Nimbus
 * JOSE makes the key and the signatures.
 */
public final class LocalIdentity {

    /** The {@code iss} and {@code aud} of its tokens: what the services expect unless told otherwise. */
    public static final String ISSUER = "financing";
    public static final String AUDIENCE = "financing";
    /** How long a minted token is valid: a working day. */
    public static final Duration VALIDITY = Duration.ofHours(12);

    private static final String KEY_FILE = "signing-key.jwk.json";

    private final RSAKey key;

    private LocalIdentity(RSAKey key) {
        this.key = key;
    }

    /** The key kept in that directory, made there first if there is none. */
    public static LocalIdentity in(Path directory) {
        Path file = directory.resolve(KEY_FILE);
        try {
            Optional<LocalIdentity> existing = existing(directory);
            if (existing.isPresent()) {
                return existing.get();
            }
            LocalIdentity identity = generated();
            Files.createDirectories(directory);
            Files.writeString(file, identity.key.toJSONString());
            ownerOnly(file);
            return identity;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the signing key in " + file, e);
        }
    }

    /** The key kept in that directory, if a local run has made one there. */
    public static Optional<LocalIdentity> existing(Path directory) {
        Path file = directory.resolve(KEY_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LocalIdentity(RSAKey.parse(Files.readString(file))));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the signing key " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException(file + " is not an RSA key in JWK form; delete it to make a new one", e);
        }
    }

    /** A key of its own, kept nowhere: for tests, and as the "wrong key" a forged token is signed with. */
    public static LocalIdentity generated() {
        try {
            return new LocalIdentity(new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString()).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot make an RSA key", e);
        }
    }

    /** A token for that caller, valid from now for {@link #VALIDITY}. */
    public String token(Caller caller) {
        return token(caller, VALIDITY);
    }

    /** A token for that caller, valid from now for that long. */
    public String token(Caller caller, Duration validity) {
        Instant now = Instant.now();
        return token(claims(caller, now, now.plus(validity)).build());
    }

    /** A token with exactly these claims, signed with this key (tests make hostile ones). */
    public String token(JWTClaimsSet claims) {
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
        return jwt.serialize();
    }

    /** The claims of a good token for that caller, valid in that interval, to change one at a time. */
    public static JWTClaimsSet.Builder claims(Caller caller, Instant notBefore, Instant expiry) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(caller.subject())
                .claim("role", caller.role().claim())
                .issueTime(Date.from(notBefore))
                .notBeforeTime(Date.from(notBefore))
                .expirationTime(Date.from(expiry))
                .jwtID(UUID.randomUUID().toString());
    }

    /** The public key, as the JWK Set that verifies this identity's tokens. */
    public String jwkSet() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the home directory's own permissions protect it
        }
    }
}

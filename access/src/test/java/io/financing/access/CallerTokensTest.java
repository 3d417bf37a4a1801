package io.financing.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.financing.api.access.Caller;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/** A token checked against one public key in a PEM file, as FINANCING_AUTH_PUBLIC_KEY gives it. */
class CallerTokensTest {

    private static final UUID INVESTOR = UUID.randomUUID();

    private RSAKey key;
    private JwtDecoder decoder;

    @BeforeEach
    void keyInAPemFile(@TempDir Path directory) throws Exception {
        key = new RSAKeyGenerator(2048).generate();
        Path pem = directory.resolve("public.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(key.toRSAPublicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        decoder = CallerTokens.decoder(new AccessProperties("on", "financing", "financing", "", pem.toString(),
                Duration.ofSeconds(30)));
    }

    @Test
    void aGoodTokenNamesItsCaller() throws Exception {
        var token = decoder.decode(signed(key, claims -> claims));

        assertThat(CallerTokens.caller(token)).isEqualTo(Caller.investor(INVESTOR));
        assertThat(CallerTokens.authentication(token).getName()).isEqualTo(INVESTOR.toString());
    }

    @Test
    void aTokenWrongInOneClaimOrKeyIsRefused() throws Exception {
        for (String token : new String[] {
                signed(new RSAKeyGenerator(2048).generate(), claims -> claims),
                signed(key, claims -> claims.audience("another")),
                signed(key, claims -> claims.issuer("another")),
                signed(key, claims -> claims.claim("role", "admin")),
                signed(key, claims -> claims.expirationTime(Date.from(Instant.now().minusSeconds(600)))),
                signed(key, claims -> claims.expirationTime(null))}) {
            assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
        }
    }

    @Test
    void withoutAKeyToCheckAgainstTheServiceDoesNotStart() {
        assertThatThrownBy(() -> CallerTokens.decoder(new AccessProperties("on", "financing", "financing", "", "",
                Duration.ZERO))).hasMessageContaining("FINANCING_AUTH_JWKS_URI");
    }

    private static String signed(RSAKey by, UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        Instant now = Instant.now();
        var claims = new JWTClaimsSet.Builder().issuer("financing").audience("financing").subject(INVESTOR.toString())
                .claim("role", "investor").issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)));
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), change.apply(claims).build());
        jwt.sign(new RSASSASigner(by));
        return jwt.serialize();
    }
}

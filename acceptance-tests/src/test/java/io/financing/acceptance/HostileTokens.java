package io.financing.acceptance;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.financing.api.access.Caller;
import io.financing.localstack.LocalIdentity;
import java.text.ParseException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Bearer tokens a forger or a careless client might present, each by what is wrong with it: every one must be
 * refused as UNAUTHENTICATED. They are made with the local run's own key wherever only one claim is wrong, so
 * that nothing but that claim can be why.
 */
final class HostileTokens {

    private final LocalIdentity identity;
    private final Random random;

    HostileTokens(LocalIdentity identity, long seed) {
        this.identity = identity;
        this.random = new Random(seed);
    }

    /** Each hostile token by what is wrong with it. */
    Map<String, String> all() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Caller operator = Caller.operator("forger");
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("random bytes", Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(64 + random.nextInt(400))));
        String good = identity.token(operator);
        tokens.put("truncated", good.substring(0, good.length() - 1 - random.nextInt(good.length() / 2)));
        tokens.put("expired", identity.token(LocalIdentity.claims(operator, now.minusSeconds(7200), now.minusSeconds(3600)).build()));
        tokens.put("not yet valid", identity.token(LocalIdentity.claims(operator, now.plusSeconds(3600), now.plusSeconds(7200)).build()));
        tokens.put("signed with another key", LocalIdentity.generated().token(operator));
        tokens.put("for another audience", identity.token(with(operator, now).audience("another-service").build()));
        tokens.put("from another issuer", identity.token(with(operator, now).issuer("https://issuer.example").build()));
        tokens.put("no role", identity.token(with(operator, now).claim("role", null).build()));
        tokens.put("an unknown role", identity.token(with(operator, now).claim("role", "admin").build()));
        tokens.put("no subject", identity.token(with(operator, now).subject(null).build()));
        tokens.put("alg none", new PlainJWT(good(operator, now)).serialize());
        tokens.put("HMAC signed with the public key", hmacWithThePublicKey(good(operator, now)));
        return tokens;
    }

    private static JWTClaimsSet.Builder with(Caller caller, Instant now) {
        return new JWTClaimsSet.Builder(good(caller, now));
    }

    private static JWTClaimsSet good(Caller caller, Instant now) {
        return LocalIdentity.claims(caller, now, now.plusSeconds(600)).build();
    }

    /** The classic confusion: the verifier's public key, known to all, used as an HMAC secret. */
    private String hmacWithThePublicKey(JWTClaimsSet claims) {
        try {
            byte[] publicKey = JWKSet.parse(identity.jwkSet()).getKeys().get(0).toRSAKey().toRSAPublicKey().getEncoded();
            var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(publicKey));
            return jwt.serialize();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}

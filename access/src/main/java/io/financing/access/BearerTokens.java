package io.financing.access;

import io.grpc.Attributes;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.util.Locale;
import org.springframework.grpc.server.security.GrpcAuthenticationExtractor;
import org.springframework.grpc.server.security.GrpcSecurity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * The bearer token in a call's {@code authorization} metadata. Spring gRPC's own extractor lets an empty token
 * through to a constructor that rejects it with an IllegalArgumentException, which the client would see as
 * UNKNOWN; any authorization that is not a bearer token with something in it is refused here, as bad
 * credentials are: UNAUTHENTICATED.
 */
final class BearerTokens implements GrpcAuthenticationExtractor {

    private static final String BEARER = "bearer ";

    @Override
    public Authentication extract(Metadata headers, Attributes attributes, MethodDescriptor<?, ?> method) {
        String authorization = headers.get(GrpcSecurity.AUTHORIZATION_KEY);
        if (authorization == null) {
            return null;
        }
        String token = authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)
                ? authorization.substring(BEARER.length()).strip()
                : "";
        if (token.isEmpty()) {
            throw new BadCredentialsException("The authorization metadata holds no bearer token");
        }
        return new BearerTokenAuthenticationToken(token);
    }
}

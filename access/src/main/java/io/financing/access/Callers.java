package io.financing.access;

import io.financing.api.access.Caller;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who is calling, within the gRPC call being served: what a service's own rules are checked against. */
@FunctionalInterface
public interface Callers {

    Caller current();

    /** While authentication is off: nobody is known, and everybody may do everything. */
    static Callers anyone() {
        return () -> Caller.ANYONE;
    }

    /**
     * The caller whose token Spring Security checked for this call. Only health and reflection are served
     * without one, and they ask for no caller.
     */
    static Callers fromTokens() {
        return () -> {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication instanceof JwtAuthenticationToken token) {
                return CallerTokens.caller(token.getToken());
            }
            throw new IllegalStateException("No authenticated caller in this call");
        };
    }
}

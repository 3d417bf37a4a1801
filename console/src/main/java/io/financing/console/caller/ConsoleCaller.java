package io.financing.console.caller;

import io.financing.grpc.edge.ClientChannels;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who the console calls the listener and the query service as: the party its token ({@code FINANCING_TOKEN}) names,
 * which every page says. The local run gives it an operator's token, who may do everything; without a token it acts
 * only where authentication is off.
 */
@Component
public class ConsoleCaller {

    /** What the page shows: the caller's name and role, and when its token expires (null without one). */
    public record Identity(String name, String role, Instant expiresAt) {
    }

    private final Identity identity;

    ConsoleCaller() {
        this.identity = identityOf(System.getenv(ClientChannels.TOKEN));
    }

    public Identity identity() {
        return identity;
    }

    /**
     * The token's claims, read without checking its signature: the console only says whom it was given to be; the
     * services check the token on every call.
     */
    static Identity identityOf(String token) {
        if (token == null || token.isBlank()) {
            return new Identity("no token", "none", null);
        }
        String[] parts = token.strip().split("\\.");
        if (parts.length != 3) {
            return new Identity("unreadable token", "unknown", null);
        }
        JsonNode claims = JsonMapper.shared().readTree(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        Instant expiresAt = claims.has("exp") ? Instant.ofEpochSecond(claims.get("exp").asLong()) : null;
        return new Identity(claims.path("sub").asText("unknown"), claims.path("role").asText("unknown"), expiresAt);
    }
}

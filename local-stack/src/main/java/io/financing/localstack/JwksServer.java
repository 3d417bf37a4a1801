package io.financing.localstack;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Serves the local identity's public key as a JWK Set at {@code /.well-known/jwks.json}, where the services
 * fetch it (as they would from any identity provider). The JDK's own HTTP server is enough for one small file.
 */
final class JwksServer implements AutoCloseable {

    static final String PATH = "/.well-known/jwks.json";

    private final HttpServer server;

    private JwksServer(HttpServer server) {
        this.server = server;
    }

    /** On this machine only, as the local run serves it. */
    static JwksServer start(int port, LocalIdentity identity) {
        return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), identity);
    }

    /** @param address where to listen: every interface in a container, whose neighbours fetch the keys */
    static JwksServer start(InetSocketAddress address, LocalIdentity identity) {
        byte[] jwks = identity.jwkSet().getBytes(StandardCharsets.UTF_8);
        int port = address.getPort();
        try {
            HttpServer server = HttpServer.create(address, 0);
            server.createContext(PATH, exchange -> {
                try (exchange) {
                    exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
                    exchange.sendResponseHeaders(200, jwks.length);
                    exchange.getResponseBody().write(jwks);
                }
            });
            server.start();
            return new JwksServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serve the JWK Set on port " + port, e);
        }
    }

    /** Where the services fetch the keys. */
    static String uri(int port) {
        return "http://127.0.0.1:" + port + PATH;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

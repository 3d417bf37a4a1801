package io.financing.acceptance;

import io.financing.api.metrics.PrometheusText;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** What a service's management port says, read over HTTP as an operator's tools read it. */
final class ManagementPorts {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ManagementPorts() {
    }

    /** Whether its readiness is UP (HTTP 200), not DOWN (503) or unreachable. */
    static boolean ready(int port) {
        try {
            return send(port, "/actuator/health/readiness").statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    static PrometheusText metrics(int port) throws IOException {
        return PrometheusText.parse(get(port, "/actuator/prometheus"));
    }

    static String get(int port, String path) throws IOException {
        return send(port, path).body();
    }

    private static HttpResponse<String> send(int port, String path) throws IOException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}

package io.financing.console.overview;

import io.financing.api.metrics.PrometheusText;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Asks a service's management port (Actuator) for its health and its metrics. */
@Component
class ManagementClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    ServiceReading read(String name, URI management) {
        try {
            JsonNode health = JsonMapper.shared().readTree(get(management.resolve("/actuator/health")).body());
            List<String> partsDown = new ArrayList<>();
            health.path("components").properties().forEach(part -> {
                String status = part.getValue().path("status").asString("UNKNOWN");
                if (!status.equals("UP")) {
                    partsDown.add(part.getKey() + " " + status);
                }
            });
            var metrics = get(management.resolve("/actuator/prometheus"));
            return new ServiceReading(name, health.path("status").asString("UNKNOWN"), partsDown,
                    metrics.statusCode() == 200 ? PrometheusText.parse(metrics.body()) : new PrometheusText(List.of()));
        } catch (IOException | RuntimeException e) {
            return ServiceReading.unreachable(name, "not answering at " + management);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ServiceReading.unreachable(name, "interrupted");
        }
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }
}

package io.financing.localstack;

import io.financing.api.metrics.PrometheusText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code ./financing status [--watch]}: one screen of what the running system says about itself, read from
 * each service's management port: health, the lag of every consumer, the relay's lag and hold-back, the
 * projections' lag, dead letters, and commands and outcomes per second over the last minute.
 */
final class Status {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REFRESH = Duration.ofSeconds(2);
    private static final Duration WINDOW = Duration.ofSeconds(60);

    private final LocalSettings settings;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Rates rates;

    private Status(LocalSettings settings) {
        this.settings = settings;
        this.rates = new Rates(settings.runDirectory().resolve("status.samples"), WINDOW);
    }

    /** Prints the screen (again and again with {@code watch}); 0 when every service is UP. */
    static int show(LocalSettings settings, boolean watch, PrintStream out) throws InterruptedException {
        var status = new Status(settings);
        if (!watch) {
            return status.screen(out);
        }
        while (true) {
            var screen = new ByteArrayOutputStream();
            status.screen(new PrintStream(screen, true));
            out.print("\033[H\033[2J" + screen);
            out.flush();
            Thread.sleep(REFRESH.toMillis());
        }
    }

    record Service(String name, int port) {
    }

    /** Every instance the run wrote it runs ({@link ServiceDirectory}), or the four at their configured ports. */
    static List<Service> services(LocalSettings settings) {
        var ports = settings.management();
        return ServiceDirectory.read(settings.runDirectory())
                .map(entries -> entries.stream().filter(entry -> !entry.name().equals(LocalRun.Services.ZIPKIN))
                        .map(entry -> new Service(entry.name(), entry.managementPort())).toList())
                .orElse(List.of(new Service("listener-service", ports.listener()),
                        new Service("financing-service", ports.financing()),
                        new Service("relayer-service", ports.relayer()), new Service("query-service", ports.query())));
    }

    private int screen(PrintStream out) {
        List<Service> services = services(settings);
        out.printf("financing status at %s%n%n", LocalTime.now().truncatedTo(ChronoUnit.SECONDS));
        out.printf("%-20s %-8s %s%n", "SERVICE", "HEALTH", "PARTS");
        int down = 0;
        List<PrometheusText> metrics = new ArrayList<>();
        for (Service service : services) {
            String health = health(service, out);
            if (!health.equals("UP")) {
                down++;
            }
            fetch(service.port(), "/actuator/prometheus").map(PrometheusText::parse).ifPresent(metrics::add);
        }
        var all = new PrometheusText(metrics.stream().flatMap(text -> text.samples().stream()).toList());
        consumerLag(all, out);
        out.printf("%nRELAY         lag %.0f events, held back %.1f s%n", all.sum("financing_relay_lag_events"),
                all.sum("financing_relay_holdback_seconds"));
        out.printf("PROJECTIONS   %s%n", all.named("financing_projection_lag_events").stream()
                .map(events -> "%s %.0f events %.1f s".formatted(events.label("read_model"), events.value(),
                        all.named("financing_projection_lag_seconds").stream()
                                .filter(seconds -> seconds.label("read_model").equals(events.label("read_model")))
                                .mapToDouble(PrometheusText.Sample::value).sum()))
                .collect(Collectors.joining(", ")));
        var deadLetters = all.named("financing_dead_letters_total").stream()
                .collect(Collectors.groupingBy(sample -> sample.label("topic"), TreeMap::new,
                        Collectors.summingDouble(PrometheusText.Sample::value)));
        out.printf("DEAD LETTERS  %s%n", deadLetters.isEmpty() ? "none" : deadLetters.entrySet().stream()
                .map(topic -> "%s %.0f".formatted(topic.getKey(), topic.getValue())).collect(Collectors.joining(", ")));
        out.println(rates.line(Map.of(
                "accepted", all.sum("financing_commands_accepted_total"),
                "refused", all.sum("financing_commands_refused_total"),
                "succeeded", outcomes(all, "succeeded"),
                "rejected", outcomes(all, "rejected"))));
        return down == 0 ? 0 : 1;
    }

    private String health(Service service, PrintStream out) {
        Optional<JsonNode> health = fetch(service.port(), "/actuator/health").map(Status::json);
        if (health.isEmpty()) {
            out.printf("%-20s %-8s not reachable at localhost:%d%n", service.name(), "DOWN", service.port());
            return "DOWN";
        }
        String status = health.get().path("status").asText("UNKNOWN");
        List<String> parts = new ArrayList<>();
        health.get().path("components").properties().forEach(part -> {
            if (List.of("db", "kafka", "readinessState").contains(part.getKey())) {
                parts.add(part.getKey() + " " + part.getValue().path("status").asText());
            }
        });
        out.printf("%-20s %-8s %s%n", service.name(), status, String.join(", ", parts));
        return status;
    }

    /** The lag of each consumer group on each topic, from the Kafka clients' own metrics. */
    private static void consumerLag(PrometheusText all, PrintStream out) {
        out.printf("%n%-34s %-24s %s%n", "CONSUMER GROUP", "TOPIC", "LAG (events)");
        consumerLags(all).forEach((groupAndTopic, lag) -> {
            String[] key = groupAndTopic.split("\t");
            out.printf("%-34s %-24s %.0f%n", key[0], key[1], lag);
        });
    }

    /** The lag of each consumer group on each topic ("group\ttopic"), summed over its partitions. */
    static Map<String, Double> consumerLags(PrometheusText all) {
        Map<String, Map<String, Double>> byGroupAndTopic = new TreeMap<>();
        for (var sample : all.named("kafka_consumer_fetch_manager_records_lag")) {
            // Kafka reports each topic twice, with its dots and with them as underscores.
            String topic = sample.label("topic");
            String group = sample.label("client_id").replaceFirst("^consumer-", "").replaceFirst("-\\d+$", "");
            if (!topic.isEmpty() && !Double.isNaN(sample.value())) {
                byGroupAndTopic.computeIfAbsent(group + "\t" + topic.replace('_', '.'), key -> new TreeMap<>())
                        .merge(sample.label("partition"), sample.value(), Math::max);
            }
        }
        Map<String, Double> lags = new TreeMap<>();
        byGroupAndTopic.forEach((groupAndTopic, partitions) ->
                lags.put(groupAndTopic, partitions.values().stream().mapToDouble(Double::doubleValue).sum()));
        return lags;
    }

    private static double outcomes(PrometheusText all, String outcome) {
        return all.sum("financing_command_outcomes_total", "outcome", outcome);
    }

    /** What a service's management port answers at that path; nothing if it does not answer. */
    static Optional<String> fetch(int port, String path) {
        try {
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(5)).build();
            // Health answers 503 with its JSON when the service is down: that is still an answer.
            return Optional.of(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    /**
     * Rates from counters, over the last minute: each look at the counters is kept (in the run directory, so
     * that one {@code status} after another sees the one before), and the rate is taken against the oldest
     * look within the window.
     */
    private record Rates(Path samples, Duration window) {

        private static final List<String> COUNTERS = List.of("accepted", "refused", "succeeded", "rejected");

        String line(Map<String, Double> counters) {
            long now = System.currentTimeMillis();
            List<String> kept = read().stream()
                    .filter(line -> now - Long.parseLong(line.split(" ")[0]) <= window.plus(REFRESH).toMillis())
                    .collect(Collectors.toCollection(ArrayList::new));
            kept.add(now + " " + COUNTERS.stream().map(name -> Double.toString(counters.get(name)))
                    .collect(Collectors.joining(" ")));
            write(kept);
            String[] oldest = kept.getFirst().split(" ");
            double seconds = (now - Long.parseLong(oldest[0])) / 1000.0;
            if (seconds < 1) {
                return "PER SECOND    (no earlier look to compare with: run status again, or status --watch)";
            }
            double[] perSecond = new double[COUNTERS.size()];
            for (int i = 0; i < perSecond.length; i++) {
                // A service started again counts from 0: no negative rates.
                perSecond[i] = Math.max(0, counters.get(COUNTERS.get(i)) - Double.parseDouble(oldest[i + 1])) / seconds;
            }
            return ("PER SECOND    commands accepted %.1f, refused %.1f; outcomes succeeded %.1f, rejected %.1f"
                    + " (over the last %.0f s)").formatted(perSecond[0], perSecond[1], perSecond[2], perSecond[3], seconds);
        }

        private List<String> read() {
            try {
                return Files.isRegularFile(samples) ? Files.readAllLines(samples) : List.of();
            } catch (IOException e) {
                return List.of();
            }
        }

        private void write(List<String> lines) {
            try {
                Files.createDirectories(samples.getParent());
                Files.write(samples, lines);
            } catch (IOException e) {
                // Rates then cover only this look; the rest of the screen is unaffected.
            }
        }
    }
}

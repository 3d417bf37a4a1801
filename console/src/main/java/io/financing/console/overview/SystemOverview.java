package io.financing.console.overview;

import io.financing.api.metrics.PrometheusText;
import io.financing.console.ConsoleProperties;
import io.financing.console.feed.LiveFeed;
import io.financing.console.overview.Overview.Outcome;
import io.financing.console.overview.Overview.ServiceHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads every service's health and metrics each {@code scrapeInterval}, once for all the pages open, and keeps the
 * overview they make: rates come from two readings in a row. It reads only while a page has asked lately: a
 * console nobody looks at asks the services nothing.
 */
@Component
public class SystemOverview {

    /** How long after the last page asked the readings go on. */
    private static final Duration WATCHED = Duration.ofSeconds(15);

    private final ConsoleProperties properties;
    private final ManagementClient management;
    private final LiveFeed feed;
    private volatile Totals before;
    private volatile Overview latest;
    private volatile Instant asked = Instant.MIN;

    SystemOverview(ConsoleProperties properties, ManagementClient management, LiveFeed feed) {
        this.properties = properties;
        this.management = management;
        this.feed = feed;
    }

    /** The latest overview; read at once if there is none, or none lately. */
    public Overview latest() {
        boolean watched = watched();
        asked = Instant.now();
        if (latest == null || !watched) {
            before = null; // a rate over the time nobody looked would be no rate
            read();
        }
        return latest;
    }

    private boolean watched() {
        return asked.isAfter(Instant.now().minus(WATCHED));
    }

    @Scheduled(fixedDelayString = "${financing.console.scrape-interval}")
    void readWhileWatched() {
        if (watched()) {
            read();
        }
    }

    private synchronized void read() {
        List<ServiceReading> readings = properties.managementAddresses().entrySet().parallelStream()
                .map(service -> management.read(service.getKey(), service.getValue())).toList();
        var all = new PrometheusText(readings.stream().flatMap(reading -> reading.metrics().samples().stream()).toList());
        Totals now = Totals.of(Instant.now(), all);
        Totals previous = before == null ? now : before;
        before = now;
        latest = new Overview(now.at(), now.rate(previous, Totals::accepted),
                Map.of("succeeded", new Outcome(now.succeeded(), now.rate(previous, Totals::succeeded)),
                        "rejected", new Outcome(now.rejected(), now.rate(previous, Totals::rejected))),
                all.sum("financing_relay_lag_events"), projectionLag(all),
                all.sum("kafka_consumer_fetch_manager_records_lag"), all.sum("financing_dead_letters_total"),
                readings.stream().map(reading -> new ServiceHealth(reading.name(), reading.health(), reading.partsDown()))
                        .toList(),
                missing(readings));
    }

    private static Map<String, Double> projectionLag(PrometheusText all) {
        return all.named("financing_projection_lag_events").stream().collect(Collectors.groupingBy(
                sample -> sample.label("read_model"), TreeMap::new, Collectors.summingDouble(PrometheusText.Sample::value)));
    }

    private List<String> missing(List<ServiceReading> readings) {
        List<String> missing = new ArrayList<>();
        readings.stream().filter(reading -> !reading.health().equals("UP"))
                .forEach(reading -> missing.add(reading.name() + " is " + reading.health() + ": "
                        + String.join(", ", reading.partsDown())));
        if (feed.trouble() != null) {
            missing.add("the live feed is not reading: " + feed.trouble());
        }
        return missing;
    }

    /** The counters a rate is made of, at one reading. */
    private record Totals(Instant at, double accepted, double succeeded, double rejected) {

        static Totals of(Instant at, PrometheusText all) {
            return new Totals(at, all.sum("financing_commands_accepted_total"), outcomes(all, "succeeded"),
                    outcomes(all, "rejected"));
        }

        private static double outcomes(PrometheusText all, String outcome) {
            return all.sum("financing_command_outcomes_total", "outcome", outcome);
        }

        /** Per second since the reading before; 0 when a service restarted in between and its counter went back. */
        double rate(Totals previous, ToDoubleFunction<Totals> counter) {
            double seconds = Duration.between(previous.at, at).toMillis() / 1000.0;
            double increase = counter.applyAsDouble(this) - counter.applyAsDouble(previous);
            return seconds <= 0 || increase < 0 ? 0 : increase / seconds;
        }
    }
}

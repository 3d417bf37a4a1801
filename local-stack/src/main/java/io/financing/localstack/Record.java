package io.financing.localstack;

import io.financing.api.metrics.PrometheusText;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code ./financing record FILE [--every SECONDS] [--minutes N]}: what a long run must show flat, read every minute
 * from the running local system and appended to FILE, one line per reading and thing read (tab-separated: time,
 * what, value), until stopped or for N minutes:
 * <ul>
 *   <li>each service instance's heap after a full GC (asked of it with {@code jcmd GC.run}, then read from its
 *       metrics), its resident memory and its threads (from {@code /proc}, on Linux);</li>
 *   <li>the lag: of every consumer group, of the relay, of the projections;</li>
 *   <li>the size of every table of both databases, and of Kafka's data on disk.</li>
 * </ul>
 */
final class Record {

    private static final String JCMD = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();

    private final LocalSettings settings;
    private final Path file;

    private Record(LocalSettings settings, Path file) {
        this.settings = settings;
        this.file = file;
    }

    static int record(LocalSettings settings, Path file, Duration every, Optional<Integer> minutes, PrintStream out)
            throws InterruptedException {
        var record = new Record(settings, file);
        long readings = minutes.map(count -> Math.max(1, Duration.ofMinutes(count).dividedBy(every))).orElse(Long.MAX_VALUE);
        for (long reading = 0; reading < readings; reading++) {
            long started = System.nanoTime();
            List<String> lines = record.reading(Instant.now());
            record.append(lines);
            out.printf("%s: %d values recorded in %s%n", Instant.now(), lines.size(), file);
            Thread.sleep(Math.max(0, every.toMillis() - (System.nanoTime() - started) / 1_000_000));
        }
        return 0;
    }

    private List<String> reading(Instant at) {
        List<String> lines = new ArrayList<>();
        Record.Values values = (what, value) -> lines.add(at + "\t" + what + "\t" + String.format(Locale.ROOT, "%.1f", value));
        List<PrometheusText> metrics = new ArrayList<>();
        for (Status.Service service : Status.services(settings)) {
            pid(service.name()).ifPresent(pid -> {
                collectGarbage(pid);
                procStatus(pid, "VmRSS").ifPresent(kilobytes -> values.put(service.name() + " rss MB", kilobytes / 1024.0));
                procStatus(pid, "Threads").ifPresent(threads -> values.put(service.name() + " threads", threads));
            });
            Status.fetch(service.port(), "/actuator/prometheus").map(PrometheusText::parse).ifPresent(text -> {
                metrics.add(text);
                values.put(service.name() + " heap after GC MB", text.named("jvm_memory_used_bytes").stream()
                        .filter(sample -> sample.label("area").equals("heap"))
                        .mapToDouble(PrometheusText.Sample::value).sum() / (1024 * 1024));
            });
        }
        var all = new PrometheusText(metrics.stream().flatMap(text -> text.samples().stream()).toList());
        values.put("consumer lag events",
                Status.consumerLags(all).values().stream().mapToDouble(Double::doubleValue).sum());
        values.put("relay lag events", all.sum("financing_relay_lag_events"));
        values.put("projection lag events", all.sum("financing_projection_lag_events"));
        for (String database : List.of(Infrastructure.EVENT_STORE_DATABASE, Infrastructure.READ_MODEL_DATABASE)) {
            tableSizes(database, values);
        }
        values.put("kafka disk MB", bytesUnder(settings.dataDirectory().resolve("kafka")) / (1024.0 * 1024));
        return lines;
    }

    @FunctionalInterface
    private interface Values {
        void put(String what, double value);
    }

    private Optional<Long> pid(String service) {
        try {
            return Optional.of(Long.parseLong(Files.readString(settings.runDirectory().resolve(service + ".pid")).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A full collection, so that the heap read after it is what the service keeps, not what it has yet to collect. */
    private static void collectGarbage(long pid) {
        try {
            new ProcessBuilder(JCMD, Long.toString(pid), "GC.run").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException e) {
            // no jcmd: the heap is read as it is
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A number from /proc/PID/status ("VmRSS:  123456 kB" gives 123456); nothing where there is no /proc. */
    private static Optional<Double> procStatus(long pid, String field) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith(field + ":"))
                    .map(line -> Double.parseDouble(line.substring(field.length() + 1).trim().split("\\s+")[0]))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void tableSizes(String database, Values values) {
        String url = "jdbc:postgresql://localhost:" + settings.postgresPort() + "/" + database;
        try (Connection connection = DriverManager.getConnection(url, settings.databaseUser(), settings.databasePassword());
             var rows = connection.createStatement().executeQuery("""
                     SELECT n.nspname || '.' || c.relname, pg_total_relation_size(c.oid) FROM pg_class c
                     JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                     ORDER BY 1""")) {
            while (rows.next()) {
                values.put(database + " " + rows.getString(1) + " MB", rows.getLong(2) / (1024.0 * 1024));
            }
        } catch (SQLException e) {
            values.put(database + " unreachable", 1);
        }
    }

    private static long bytesUnder(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(path -> {
                try {
                    return Files.size(path);
                } catch (IOException gone) {
                    return 0; // a segment deleted meanwhile
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private void append(List<String> lines) {
        try {
            Files.write(file, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }
}

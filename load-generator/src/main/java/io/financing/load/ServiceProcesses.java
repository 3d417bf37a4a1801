package io.financing.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The services of a local {@code ./financing up}, found by their pid files, with the CPU time and peak
 * resident memory Linux accounts to each ({@code /proc}). Empty where there are no pid files: against a
 * remote system only the figures seen from outside are reported. Other platforms (macOS) have no
 * {@code /proc}: there nothing is measured, and the report says so.
 */
final class ServiceProcesses {

    record Usage(double cpuSeconds, long peakRssKib) {
    }

    private static final double CLOCK_TICKS_PER_SECOND = 100; // USER_HZ, 100 on Linux

    private final Path proc;
    private final Map<String, Long> pids = new LinkedHashMap<>();

    ServiceProcesses(Path home) {
        this(home, Path.of("/proc"));
    }

    /** @param proc where the kernel shows its processes: /proc on Linux, absent elsewhere */
    ServiceProcesses(Path home, Path proc) {
        this.proc = proc;
        Path run = home.resolve("run");
        if (Files.isDirectory(run)) {
            try (Stream<Path> files = Files.list(run)) {
                files.filter(file -> file.toString().endsWith(".pid")).sorted().forEach(file -> {
                    String name = file.getFileName().toString().replace(".pid", "");
                    read(file).ifPresent(pid -> pids.put(name.equals("up") ? "up (PostgreSQL, Kafka)" : name, pid));
                });
            } catch (IOException e) {
                throw new IllegalStateException("Cannot list " + run, e);
            }
        }
    }

    private boolean measurable() {
        return Files.isDirectory(proc.resolve("self"));
    }

    /** Each live service's usage so far, by name; empty where this platform does not show it. */
    Optional<Map<String, Usage>> usage() {
        if (!measurable()) {
            return Optional.empty();
        }
        Map<String, Usage> usage = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            try {
                String[] stat = Files.readString(proc.resolve(pid + "/stat")).split("\\) ")[1].split(" ");
                double cpu = (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) / CLOCK_TICKS_PER_SECOND;
                long peak = Files.readAllLines(proc.resolve(pid + "/status")).stream()
                        .filter(line -> line.startsWith("VmHWM:"))
                        .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(0);
                usage.put(name, new Usage(cpu, peak));
            } catch (IOException | RuntimeException gone) {
                // not running any more: nothing to report for it
            }
        });
        return Optional.of(usage);
    }

    private static Optional<Long> read(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}

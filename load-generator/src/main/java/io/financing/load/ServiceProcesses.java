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

    /**
     * The CPU the machine spent so far: each service's usage, and the CPU seconds of the whole box (busy time of
     * every core, all processes), of PostgreSQL's processes (its backends, and those that have exited), and of
     * this load generator, which shares the box and is not part of what it measures.
     */
    record Sample(long nanoTime, Map<String, Usage> services, double boxCpuSeconds, double postgresCpuSeconds,
                  double generatorCpuSeconds) {
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

    /** Each live service's usage so far, by name, and the box's; empty where this platform does not show it. */
    Optional<Sample> usage() {
        if (!measurable()) {
            return Optional.empty();
        }
        Map<String, Usage> usage = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            try {
                long peak = Files.readAllLines(proc.resolve(pid + "/status")).stream()
                        .filter(line -> line.startsWith("VmHWM:"))
                        .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(0);
                usage.put(name, new Usage(cpuSeconds(proc.resolve(pid + "/stat"), false), peak));
            } catch (IOException | RuntimeException gone) {
                // not running any more: nothing to report for it
            }
        });
        return Optional.of(new Sample(System.nanoTime(), usage, boxCpuSeconds(), postgresCpuSeconds(),
                cpuSeconds(proc.resolve("self/stat"), false)));
    }

    /** Busy time of all cores: every state of the first line of /proc/stat but idle, iowait and the guests'. */
    private double boxCpuSeconds() {
        try {
            String[] cpu = Files.readAllLines(proc.resolve("stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int field : new int[]{1, 2, 3, 6, 7, 8}) { // user nice system irq softirq steal
                busy += Long.parseLong(cpu[field]);
            }
            return busy / CLOCK_TICKS_PER_SECOND;
        } catch (IOException | RuntimeException unreadable) {
            return Double.NaN;
        }
    }

    /** Every postgres process's CPU, with that of its exited children (the postmaster's backends that ended). */
    private double postgresCpuSeconds() {
        try (Stream<Path> processes = Files.list(proc)) {
            return processes.filter(dir -> dir.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(dir -> isPostgres(dir.resolve("comm")))
                    .mapToDouble(dir -> cpuSeconds(dir.resolve("stat"), true)).sum();
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    private static boolean isPostgres(Path comm) {
        try {
            return Files.readString(comm).trim().equals("postgres");
        } catch (IOException gone) {
            return false;
        }
    }

    /** utime + stime of a /proc stat file (fields 14 and 15), with cutime + cstime (16 and 17) if asked; 0 if gone. */
    private static double cpuSeconds(Path stat, boolean withExitedChildren) {
        try {
            String[] fields = Files.readString(stat).split("\\) ")[1].split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            if (withExitedChildren) {
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            }
            return ticks / CLOCK_TICKS_PER_SECOND;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static Optional<Long> read(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}

package io.financing.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One service of the system running as its own JVM, as in production, so that it can be stopped,
 * killed and started again alone. It writes its log itself, rolled so that a run left up for weeks does not fill
 * the disk; what the JVM prints outside that log goes to an output file beside it. Its pid goes to a pid file, so
 * that a run that was itself killed can find and stop what it left behind.
 */
public final class ServiceProcess {

    private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    /**
     * How each service's log is rolled (Spring Boot's own properties, so a variable of the same name in the run's
     * environment wins): a new file every 10 MB or day, and at most 100 MB of them kept. financing-up-logback.xml
     * rolls Kafka's broker log the same way.
     */
    private static final Map<String, String> ROLLING_LOG = Map.of(
            "LOGGING_LOGBACK_ROLLINGPOLICY_MAX_FILE_SIZE", "10MB",
            "LOGGING_LOGBACK_ROLLINGPOLICY_TOTAL_SIZE_CAP", "100MB",
            "LOGGING_LOGBACK_ROLLINGPOLICY_MAX_HISTORY", "7");

    private final Spec spec;
    private final AotCache aotCache;
    private final Path logFile;
    private final Path outputFile;
    private final Path pidFile;
    private volatile Process process;

    public ServiceProcess(Spec spec, Path logDirectory, Path runDirectory) {
        this.spec = spec;
        this.aotCache = new AotCache(spec.jar());
        this.logFile = logDirectory.resolve(spec.name() + ".log");
        this.outputFile = logDirectory.resolve(spec.name() + ".out");
        this.pidFile = runDirectory.resolve(spec.name() + ".pid");
    }

    public Spec spec() {
        return spec;
    }

    /** The service's log, as its logging writes it. */
    public Path logFile() {
        return logFile;
    }

    /** What the JVM printed outside the log. */
    public Path outputFile() {
        return outputFile;
    }

    /** Where to look when it fails: its log, and what the JVM printed outside it (a crash, before logging started). */
    public String logFiles() {
        return logFile + " and " + outputFile;
    }

    /** Starts the service; the returned future completes when its process ends, however that happens. */
    public synchronized CompletableFuture<Process> start() {
        if (!Files.isRegularFile(spec.jar())) {
            throw new IllegalStateException(spec.name() + " is not built: " + spec.jar() + " is missing");
        }
        try {
            Files.createDirectories(logFile.getParent());
            Files.createDirectories(pidFile.getParent());
            var builder = new ProcessBuilder(command())
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(outputFile.toFile()));
            builder.environment().putAll(environment());
            process = builder.start();
            Files.writeString(pidFile, Long.toString(process.pid()));
            log.info("Started {} (pid {}), log {}", spec.name(), process.pid(), logFile);
            return process.onExit();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + spec.name(), e);
        }
    }

    /**
     * The service's environment, and where it logs: into its log file only (its console is the output file, kept for
     * what is not logged), rolled as {@link #ROLLING_LOG} says unless the run's own environment says otherwise.
     */
    private Map<String, String> environment() {
        var environment = new HashMap<>(spec.environment());
        environment.put("LOGGING_FILE_NAME", logFile.toString());
        environment.put("LOGGING_THRESHOLD_CONSOLE", "OFF");
        ROLLING_LOG.forEach((name, value) -> {
            if (System.getenv(name) == null) {
                environment.putIfAbsent(name, value);
            }
        });
        return environment;
    }

    private List<String> command() {
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(jvmOptions(spec.maxHeap()));
        command.addAll(aotCache.launch());
        return command;
    }

    /**
     * Trains the service's AOT cache if the JDK has them and the jar was built since it was last trained (the first
     * start after a build); the start after it uses the cache ({@link AotCache}).
     */
    public void trainAotCacheIfStale() {
        if (AotCache.supported() && !aotCache.ready()) {
            aotCache.train(JAVA, jvmOptions(spec.maxHeap()), environment(), outputFile);
        }
    }

    /**
     * What every service's JVM runs with, here and in Docker: a bounded heap, and an exit when it runs out, so that
     * the supervisor starts a fresh JVM instead of a wedged one going on.
     */
    public static List<String> jvmOptions(String maxHeap) {
        // Native access for Netty (gRPC, and the management port's HTTP server), which would otherwise warn at start.
        return List.of("-Xmx" + maxHeap, "-XX:+ExitOnOutOfMemoryError", "--enable-native-access=ALL-UNNAMED");
    }

    /** Asks the service to shut down gracefully (SIGTERM), and kills it if it has not within {@code grace}. */
    public synchronized void stop(Duration grace) {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} did not stop within {}; killing it", spec.name(), grace);
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        deletePidFile();
    }

    /** Kills the service at once (SIGKILL), as a crash or the kernel's OOM killer would: no shutdown hook runs. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            process.onExit().join();
        }
    }

    /** Stops a process that an earlier, killed run of this service left behind. */
    public void stopLeftover(Duration grace) {
        readPid().flatMap(ProcessHandle::of)
                .filter(handle -> handle.info().commandLine().orElse("").contains(spec.jar().getFileName().toString()))
                .ifPresent(leftover -> {
                    log.warn("Stopping {} (pid {}) left running by an earlier run", spec.name(), leftover.pid());
                    leftover.destroy();
                    leftover.onExit().completeOnTimeout(null, grace.toMillis(), TimeUnit.MILLISECONDS).join();
                    leftover.destroyForcibly();
                });
        deletePidFile();
    }

    private Optional<Long> readPid() {
        try {
            return Files.isRegularFile(pidFile) ? Optional.of(Long.parseLong(Files.readString(pidFile).trim()))
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            log.warn("Could not delete {}", pidFile, e);
        }
    }

    /**
     * @param grpcPort the port of its gRPC server, or 0 for a service that serves none
     * @param httpPort the port of its HTTP server (a service's management port, Zipkin's UI and API); 0: any free one
     */
    public record Spec(String name, Path jar, String maxHeap, Map<String, String> environment, int grpcPort,
                       int httpPort) {
    }
}

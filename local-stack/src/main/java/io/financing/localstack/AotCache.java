package io.financing.localstack;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's ahead-of-time cache (JDK 25: JEP 483, 514 and 515): the classes its start loads and links, and the
 * profiles of the methods it ran, recorded once by a training start and mapped in by every start after it, so the
 * JVM neither parses nor links them again. It lives beside the jar it was trained from ({@code target/aot/}), so a
 * build makes it stale, and the first start after the build trains it again; every start after that uses it.
 *
 * <p>The cache only holds classes the JVM loaded from the class path, not from inside a Spring Boot jar: a service
 * runs from its jar extracted ({@code -Djarmode=tools extract}), with and without the cache, so the two agree.
 * Training is a start that ends once the application context is refreshed
 * ({@code -Dspring.context.exit=onRefresh}): every bean made, nothing started, no port taken; it needs the
 * infrastructure (Flyway migrates, Kafka is asked for topics) but never touches a message.
 *
 * <p>On a JDK before 25 there is no cache and a service runs from its jar as it is.
 */
final class AotCache {

    private static final Logger log = LoggerFactory.getLogger(AotCache.class);
    private static final long TRAINING_LIMIT_SECONDS = 300;

    private final Path jar;
    private final Path directory;

    AotCache(Path jar) {
        this.jar = jar;
        String name = jar.getFileName().toString();
        this.directory = jar.toAbsolutePath().getParent().resolve("aot").resolve(name.substring(0, name.length() - 4));
    }

    static boolean supported() {
        return Runtime.version().feature() >= 25;
    }

    /** Whether it was trained from the jar as it is now. */
    boolean ready() {
        try {
            return Files.isRegularFile(cache()) && Files.isRegularFile(application())
                    && Files.readString(stamp()).equals(stampOf(jar));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The JVM's arguments after its options: the cache and the extracted jar when the JDK has caches and this one is
     * ready, else the jar itself.
     */
    List<String> launch() {
        return supported() && ready()
                ? List.of("-XX:AOTCache=" + cache(), "-jar", application().toString())
                : List.of("-jar", jar.toAbsolutePath().toString());
    }

    /**
     * Extracts the jar and trains the cache, with the JVM options and environment the service runs with; a training
     * that fails leaves no cache, and the service then starts without one.
     */
    void train(String java, List<String> jvmOptions, Map<String, String> environment, Path outputFile) {
        long started = System.nanoTime();
        log.info("Training {}'s AOT cache: this first start after a build takes longer, the next ones less",
                directory.getFileName());
        try {
            LocalRun.deleteRecursively(directory);
            Files.createDirectories(directory);
            run(List.of(java, "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract", "--destination",
                    directory.resolve("app").toString()), Map.of(), outputFile);
            List<String> training = new ArrayList<>(List.of(java));
            training.addAll(jvmOptions);
            training.addAll(List.of("-XX:AOTCacheOutput=" + cache(), "-Dspring.context.exit=onRefresh",
                    "-jar", application().toString()));
            run(training, environment, outputFile);
            if (!Files.isRegularFile(cache())) {
                throw new IllegalStateException("the training JVM wrote no cache; see " + outputFile);
            }
            Files.writeString(stamp(), stampOf(jar));
            log.info("Trained {} in {} s", directory.getFileName(), (System.nanoTime() - started) / 1_000_000_000);
        } catch (IOException | RuntimeException e) {
            log.warn("No AOT cache for {}: {}", directory.getFileName(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Path application() {
        return directory.resolve("app").resolve(jar.getFileName());
    }

    private Path cache() {
        return directory.resolve("app.aot");
    }

    private Path stamp() {
        return directory.resolve("trained-from");
    }

    private static String stampOf(Path jar) throws IOException {
        return Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
    }

    private static void run(List<String> command, Map<String, String> environment, Path outputFile)
            throws IOException, InterruptedException {
        Files.createDirectories(outputFile.getParent());
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(outputFile.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(TRAINING_LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException(command.get(command.size() - 1) + " took over " + TRAINING_LIMIT_SECONDS + " s");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("exit " + process.exitValue() + " from " + String.join(" ", command));
        }
    }
}

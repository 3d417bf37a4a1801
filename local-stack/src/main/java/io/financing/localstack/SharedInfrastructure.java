package io.financing.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One running infrastructure per JVM, started on first use and stopped when the JVM exits. Test
 * classes share it (starting Kafka and PostgreSQL costs seconds); each test JVM gets its own free ports
 * and a fresh directory under {@code java.io.tmpdir}, so runs never collide with each other or with a
 * running {@code ./financing up}.
 */
public final class SharedInfrastructure {

    private static Infrastructure instance;

    private SharedInfrastructure() {
    }

    public static synchronized Infrastructure get() {
        if (instance == null) {
            instance = Infrastructure.start(Infrastructure.Settings.forTests(freshDirectory()));
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "infrastructure-shutdown"));
        }
        return instance;
    }

    private static Path freshDirectory() {
        try {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            Files.createDirectories(tmp);
            return Files.createTempDirectory(tmp, "financing-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

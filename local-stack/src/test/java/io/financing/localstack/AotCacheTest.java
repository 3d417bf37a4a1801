package io.financing.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache's life beside its jar, with a stand-in for {@code java} that does what the real one does to the files:
 * extracting writes the application's jar, training writes the cache named by {@code -XX:AOTCacheOutput}.
 */
class AotCacheTest {

    private static final String FAKE_JAVA = """
            #!/bin/bash
            for arg in "$@"; do
              case "$arg" in
                -XX:AOTCacheOutput=*) echo cache > "${arg#-XX:AOTCacheOutput=}" ;;
                --destination) destination=next ;;
                *) if [[ $destination == next ]]; then mkdir -p "$arg"; touch "$arg/service.jar"; destination=; fi ;;
              esac
            done
            [[ -z ${FAIL_TRAINING:-} ]]
            """;

    @TempDir
    Path directory;

    @Test
    void untrainedTheServiceRunsFromItsJarTrainedFromTheExtractedJarWithTheCacheUntilTheJarIsBuiltAgain() throws Exception {
        Path jar = Files.writeString(directory.resolve("service.jar"), "v1");
        var cache = new AotCache(jar);
        assertThat(cache.ready()).isFalse();
        assertThat(cache.launch()).containsExactly("-jar", jar.toString());

        cache.train(fakeJava(), List.of("-Xmx256m"), Map.of(), directory.resolve("service.log"));

        assertThat(cache.ready()).isTrue();
        Path trained = directory.resolve("aot/service");
        assertThat(cache.launch()).containsExactly("-XX:AOTCache=" + trained.resolve("app.aot"), "-jar",
                trained.resolve("app/service.jar").toString());

        Files.writeString(jar, "v2, built again");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(cache.ready()).as("stale once the jar is built again").isFalse();
        assertThat(cache.launch()).containsExactly("-jar", jar.toString());
    }

    @Test
    void aTrainingThatFailsLeavesNoCacheAndTheServiceRunsFromItsJar() throws Exception {
        Path jar = Files.writeString(directory.resolve("service.jar"), "v1");
        var cache = new AotCache(jar);

        cache.train(fakeJava(), List.of(), Map.of("FAIL_TRAINING", "yes"), directory.resolve("service.log"));

        assertThat(cache.ready()).isFalse();
        assertThat(cache.launch()).containsExactly("-jar", jar.toString());
    }

    private String fakeJava() throws Exception {
        Path java = Files.writeString(directory.resolve("java"), FAKE_JAVA);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return java.toString();
    }
}

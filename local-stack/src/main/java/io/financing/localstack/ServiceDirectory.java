package io.financing.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Which services the local run runs, and on which ports, in its run directory ({@code run/services}): the tools
 * that look at a running system ({@code ./financing status}) find every instance there, those on free ports too.
 */
final class ServiceDirectory {

    private static final String FILE = "services";

    /** A service as the tools reach it; a port of 0: none. */
    record Entry(String name, int grpcPort, int managementPort) {
    }

    private ServiceDirectory() {
    }

    static void write(Path runDirectory, List<ServiceProcess.Spec> services) {
        try {
            Files.createDirectories(runDirectory);
            Files.write(runDirectory.resolve(FILE), services.stream()
                    .map(service -> service.name() + " " + service.grpcPort() + " " + service.httpPort()).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + runDirectory.resolve(FILE), e);
        }
    }

    /** What the run last wrote, or nothing if no run has written it here. */
    static Optional<List<Entry>> read(Path runDirectory) {
        Path file = runDirectory.resolve(FILE);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            return Optional.of(Files.readAllLines(file).stream().map(line -> line.split(" "))
                    .map(fields -> new Entry(fields[0], Integer.parseInt(fields[1]), Integer.parseInt(fields[2])))
                    .toList());
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}

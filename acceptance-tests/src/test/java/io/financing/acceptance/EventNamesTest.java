package io.financing.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.financing.api.event.EventNames;
import io.financing.api.event.FinancingEvent;
import io.financing.api.event.RegisteringEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The event contract is written once: in the main code of every module, each event's name appears as a
 * string exactly once, beside its type in {@code api}. Everyone else names an event by its type.
 */
class EventNamesTest {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

    @Test
    void everyEventNameIsWrittenOnceInMainCode() throws IOException {
        List<String> sources = mainSources();
        Map<String, Long> written = new TreeMap<>();
        Stream.concat(EventNames.of(FinancingEvent.class).keySet().stream(),
                EventNames.of(RegisteringEvent.class).keySet().stream()).forEach(name -> written.put(name,
                sources.stream().mapToLong(source -> occurrences(source, '"' + name + '"')).sum()));

        assertThat(written).hasSize(15).allSatisfy((name, times) -> assertThat(times).as(name).isEqualTo(1));
    }

    private static List<String> mainSources() throws IOException {
        try (Stream<Path> files = Files.walk(REPOSITORY)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> REPOSITORY.relativize(file).toString().contains("/src/main/"))
                    .map(EventNamesTest::read)
                    .toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long occurrences(String text, String part) {
        long count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}

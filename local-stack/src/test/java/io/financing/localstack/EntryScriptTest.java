package io.financing.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code ./financing} runs on macOS too, whose bash is 3.2 and whose userland is BSD's. Each construct below
 * works on our Linux machines and fails there; none may appear in the script. (shellcheck checks the rest of
 * it in {@code .ci/run}.)
 */
class EntryScriptTest {

    private static final Path SCRIPT = Path.of("..", "financing");

    record Construct(String what, String pattern) {

        @Override
        public String toString() {
            return what;
        }
    }

    static List<Construct> notOnMacOs() {
        return List.of(
                new Construct("mapfile or readarray (bash 4)", "\\b(mapfile|readarray)\\b"),
                new Construct("associative arrays (bash 4)", "\\b(declare|local|typeset)\\s+-[a-zA-Z]*A"),
                new Construct("name references (bash 4.3)", "\\b(declare|local|typeset)\\s+-[a-zA-Z]*n\\b"),
                new Construct("case conversion in expansions (bash 4)", "\\$\\{[^}]*(,,?|\\^\\^?)}"),
                new Construct("|& and &>> (bash 4)", "\\|&|&>>"),
                new Construct("coproc and wait -n (bash 4)", "\\bcoproc\\b|\\bwait\\s+-n\\b"),
                new Construct("[[ -v ]] (bash 4.2)", "\\[\\[\\s+-v\\s"),
                new Construct("${var@op} transformations (bash 4.4)", "\\$\\{[A-Za-z_][A-Za-z0-9_]*@[QEPAKaUuL]}"),
                new Construct("GNU sed's -i without a suffix, -r or long options", "\\bsed\\s+(-[a-zA-Z]*[ir]\\b|--)"),
                new Construct("GNU date's -d or long options", "\\bdate\\s+(-d\\b|--)"),
                new Construct("GNU readlink -f", "\\breadlink\\s+-[a-zA-Z]*[fem]"),
                new Construct("GNU stat -c", "\\bstat\\s+(-c|--)"),
                new Construct("setsid (util-linux)", "\\bsetsid\\b"),
                new Construct("/proc (Linux only)", "/proc\\b"));
    }

    @ParameterizedTest
    @MethodSource("notOnMacOs")
    void theEntryScriptUsesNothingThatMacOsLacks(Construct construct) throws Exception {
        Pattern pattern = Pattern.compile(construct.pattern());

        assertThat(Files.readAllLines(SCRIPT))
                .as("lines of %s using %s", SCRIPT, construct.what())
                .noneMatch(line -> !line.stripLeading().startsWith("#") && pattern.matcher(line).find());
    }
}

package io.financing.acceptance;

import io.financing.localstack.LocalRun;
import io.financing.localstack.LocalSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The running system the tests talk to. By default the whole local system, started once per test JVM
 * exactly as {@code ./financing up} starts it, on free ports. With {@code FINANCING_COMMANDS_ADDR},
 * {@code FINANCING_QUERIES_ADDR} and {@code FINANCING_KAFKA_BOOTSTRAP} set (host:port each), an
 * already running deployment instead: {@code ./financing up}, docker-compose, anything.
 *
 * @param local the local system's processes, for the tests that crash them; null for a deployment
 */
record SystemUnderTest(String commandsHost, int commandsPort, String queriesHost, int queriesPort, String kafka,
                       LocalRun local) {

    private static SystemUnderTest instance;

    static synchronized SystemUnderTest get() throws Exception {
        if (instance == null) {
            String commands = System.getenv("FINANCING_COMMANDS_ADDR");
            instance = commands == null ? startLocally() : external(commands);
        }
        return instance;
    }

    private static SystemUnderTest external(String commands) {
        String queries = required("FINANCING_QUERIES_ADDR");
        return new SystemUnderTest(host(commands), port(commands), host(queries), port(queries),
                required("FINANCING_KAFKA_BOOTSTRAP"), null);
    }

    private static SystemUnderTest startLocally() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(tmp);
        LocalSettings settings = LocalSettings.forTests(Files.createTempDirectory(tmp, "system-"));
        // Tests run in this module's directory; the services' jars are in the repository's modules.
        var system = new LocalRun(settings, Path.of("").toAbsolutePath().getParent());
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, "system-down"));
        system.start(true);
        return new SystemUnderTest("localhost", settings.commandsPort(), "localhost", settings.queriesPort(),
                "localhost:" + settings.kafkaPort(), system);
    }

    /** The addresses as the load generator and other clients take them from the environment. */
    Map<String, String> environment() {
        return Map.of(
                "FINANCING_COMMANDS_ADDR", commandsHost + ":" + commandsPort,
                "FINANCING_QUERIES_ADDR", queriesHost + ":" + queriesPort,
                "FINANCING_KAFKA_BOOTSTRAP", kafka);
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null) {
            throw new IllegalStateException(name + " must be set with FINANCING_COMMANDS_ADDR");
        }
        return value;
    }

    private static String host(String address) {
        return address.substring(0, address.lastIndexOf(':'));
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }
}

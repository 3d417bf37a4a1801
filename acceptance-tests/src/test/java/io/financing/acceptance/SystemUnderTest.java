package io.financing.acceptance;

import io.financing.api.access.Caller;
import io.financing.grpc.edge.ClientChannels;
import io.financing.localstack.LocalRun;
import io.financing.localstack.LocalSettings;
import io.financing.localstack.LocalTls;
import io.grpc.ManagedChannel;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The running system the tests talk to. By default the whole local system, started once per test JVM
 * exactly as {@code ./financing up} starts it, on free ports, with both gRPC servers speaking TLS only (the
 * test certificate of {@code local-stack/tls/}): so every test here also shows that our tools speak TLS.
 * With {@code FINANCING_COMMANDS_ADDR}, {@code FINANCING_QUERIES_ADDR} and {@code FINANCING_KAFKA_BOOTSTRAP}
 * set (host:port each), an already running deployment instead: {@code ./financing up}, Docker Compose,
 * anything; reached in plaintext, or over TLS as {@link ClientChannels} reads the environment
 * ({@code FINANCING_GRPC_TLS_TRUST}), with the operator's token in {@code FINANCING_TOKEN}.
 *
 * @param local the local system's processes, for the tests that crash them; null for a deployment
 */
record SystemUnderTest(String commandsAddress, String queriesAddress, String kafka, ClientChannels clients,
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
        return new SystemUnderTest(commands, required("FINANCING_QUERIES_ADDR"), required("FINANCING_KAFKA_BOOTSTRAP"),
                ClientChannels.from(System.getenv()), null);
    }

    private static SystemUnderTest startLocally() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(tmp);
        LocalSettings settings = LocalSettings.forTests(Files.createTempDirectory(tmp, "system-"))
                .withTls(new File(LocalTls.CERTIFICATE), new File(LocalTls.PRIVATE_KEY));
        // Tests run in this module's directory; the services' jars are in the repository's modules.
        var system = new LocalRun(settings, Path.of("").toAbsolutePath().getParent());
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, "system-down"));
        system.start(true);
        // The tests act as an operator, who may do everything; those about who may do what mint their own tokens.
        ClientChannels asOperator = settings.clients()
                .withToken(system.infrastructure().identity().token(Caller.operator("acceptance-tests")));
        return new SystemUnderTest("localhost:" + settings.commandsPort(), "localhost:" + settings.queriesPort(),
                "localhost:" + settings.kafkaPort(), asOperator, system);
    }

    /** The web console's address: the local system's, or a deployment's in {@code FINANCING_CONSOLE_URL}. */
    String consoleAddress() {
        return local == null ? required("FINANCING_CONSOLE_URL") : "http://localhost:" + local.settings().consolePort();
    }

    ManagedChannel commandsChannel() {
        return clients.to(commandsAddress);
    }

    ManagedChannel queriesChannel() {
        return clients.to(queriesAddress);
    }

    /** The addresses (and the certificate to trust) as the load generator and other tools take them. */
    Map<String, String> environment() {
        var environment = new HashMap<>(clients.environment());
        environment.putAll(Map.of(
                "FINANCING_COMMANDS_ADDR", commandsAddress,
                "FINANCING_QUERIES_ADDR", queriesAddress,
                "FINANCING_KAFKA_BOOTSTRAP", kafka));
        return Map.copyOf(environment);
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null) {
            throw new IllegalStateException(name + " must be set with FINANCING_COMMANDS_ADDR");
        }
        return value;
    }
}

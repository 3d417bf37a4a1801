package io.financing.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.financing.localstack.LocalTls;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With TLS on, the local run starts (the system this JVM starts serves TLS only, and is up only once its
 * probe, speaking TLS, found both servers SERVING), and the tools of {@code ./financing} work against it:
 * {@code health} and {@code call}, run as the script runs them, trusting the certificate that
 * {@code FINANCING_GRPC_TLS_TRUST} names. A tool that trusts nothing speaks plaintext and gets no answer.
 * The rest of this module's tests reach the same system over TLS.
 */
class TlsAcceptanceTest {

    private static final Path CLI = Path.of("..", "local-stack", "target", "local-stack-exec.jar");

    private SystemUnderTest system;

    @BeforeEach
    void localSystem() throws Exception {
        system = SystemUnderTest.get();
        Assumptions.assumeTrue(system.local() != null, "runs the local tools against the system this JVM starts");
    }

    @Test
    void healthAnswersServingOverTlsWithTheServicesOfEachServer() throws Exception {
        Result health = financing(trusting(), "health", system.commandsAddress(), system.queriesAddress());

        assertThat(health.exitCode()).as(health.output()).isZero();
        assertThat(health.output()).contains(system.commandsAddress() + " SERVING", system.queriesAddress() + " SERVING",
                "financing.v1.Commands", "financing.v1.Queries");
    }

    @Test
    void callReachesTheCommandsAndTheQueriesOverTls() throws Exception {
        Result sold = financing(trusting(), "call", "SellInvoice", "{\"issuerId\": {\"value\": \"" + UUID.randomUUID()
                + "\"}, \"askingPrice\": {\"amount\": \"100\"}}");
        Result issuers = financing(trusting(), "call", "AllIssuers", "{\"pageSize\": 1}");

        assertThat(sold.exitCode()).as(sold.output()).isZero();
        assertThat(sold.output()).contains("\"invoiceId\"", "\"commandId\"");
        assertThat(issuers.exitCode()).as(issuers.output()).isZero();
        assertThat(issuers.output()).contains("\"issuers\"");
    }

    /** A stream, each message printed as it comes: the sale of an unregistered issuer is rejected, so settled. */
    @Test
    void callFollowsACommandThroughWatchCommandUntilItIsSettled() throws Exception {
        Result sold = financing(trusting(), "call", "SellInvoice", "{\"issuerId\": {\"value\": \"" + UUID.randomUUID()
                + "\"}, \"askingPrice\": {\"amount\": \"100\"}}");
        String commandId = sold.output().replaceAll("(?s).*\"commandId\": \"([^\"]+)\".*", "$1");

        Result watched = financing(trusting(), "call", "WatchCommand", "{\"commandId\": \"" + commandId + "\"}");

        assertThat(watched.exitCode()).as(watched.output()).isZero();
        assertThat(watched.output()).contains("\"REJECTED\"", "\"settled\": true");
    }

    @Test
    void aToolThatTrustsNoCertificateSpeaksPlaintextAndGetsNoAnswer() throws Exception {
        Result health = financing(Map.of(), "health", system.commandsAddress());

        assertThat(health.exitCode()).isEqualTo(1);
        assertThat(health.output()).contains(system.commandsAddress() + " UNKNOWN");
    }

    private Map<String, String> trusting() {
        return Map.of("FINANCING_GRPC_TLS_TRUST", new File(LocalTls.CERTIFICATE).getAbsolutePath());
    }

    record Result(int exitCode, String output) {
    }

    /** {@code ./financing COMMAND ARGS...} as the script runs it, the local ports and the TLS settings given. */
    private Result financing(Map<String, String> tls, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", CLI.toString()));
        command.addAll(List.of(arguments));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("FINANCING_"));
        builder.environment().putAll(tls);
        builder.environment().put("FINANCING_COMMANDS_PORT", port(system.commandsAddress()));
        builder.environment().put("FINANCING_QUERIES_PORT", port(system.queriesAddress()));
        // The local run's home: there the tool finds the identity, and calls as the local operator by itself.
        builder.environment().put("FINANCING_HOME", system.local().settings().home().toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("./financing %s ended", arguments[0]).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static String port(String address) {
        return address.substring(address.lastIndexOf(':') + 1);
    }
}

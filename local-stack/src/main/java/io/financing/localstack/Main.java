package io.financing.localstack;

import io.financing.api.CanonicalUuid;
import io.financing.api.access.Caller;
import io.financing.grpc.edge.GrpcProbe;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The commands behind the {@code ./financing} script: {@code up [--fresh] [--no-tracing] [--instances N]} runs the whole system;
 * {@code health [host:port …]} asks gRPC servers for their health and services; {@code call METHOD JSON}
 * calls one of our gRPC methods; {@code token …} mints a token for the local run.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        // Before the first logger exists: Logback reads its configuration once, when it starts.
        System.setProperty("logback.configurationFile", "financing-cli-logback.xml");
        String command = args.length == 0 ? "help" : args[0];
        List<String> options = List.of(args).subList(Math.min(1, args.length), args.length);
        try {
            switch (command) {
                case "up" -> up(options);
                case "health" -> System.exit(health(options));
                case "call" -> System.exit(call(options));
                case "inspect" -> System.exit(inspect(options));
                case "status" -> System.exit(status(options));
                case "record" -> System.exit(record(options));
                case "token" -> System.exit(token(options));
                case "identity" -> identity(options);
                default -> {
                    System.err.println("usage: financing up [--fresh] [--no-tracing] [--instances N] | health [host:port ...] | call METHOD 'JSON' | inspect invoice|investor|issuer ID | status [--watch] | record FILE [--every SECONDS] [--minutes N] | token operator [NAME] | token issuer|investor ID [--hours N] | identity");
                    System.exit(2);
                }
            }
        } catch (Ports.PortTakenException | IllegalArgumentException e) {
            System.err.println("financing: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void up(List<String> options) throws InterruptedException {
        int instances = 1;
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            if (option.equals("--instances") && i + 1 < options.size()) {
                instances = instances(options.get(++i));
            } else if (!option.equals("--fresh") && !option.equals("--no-tracing")) {
                throw new IllegalArgumentException(
                        "unknown option " + option + " (up takes --fresh, --no-tracing and --instances N)");
            }
        }
        LocalSettings settings = LocalSettings.from(System.getenv());
        if (options.contains("--no-tracing")) {
            settings = settings.withoutTracing();
        }
        System.setProperty("financing.logs", settings.logDirectory().toString());
        System.setProperty("logback.configurationFile", "financing-up-logback.xml");
        new LocalRun(settings, Path.of("").toAbsolutePath(), instances).up(options.contains("--fresh"));
    }

    private static int instances(String count) {
        try {
            return Integer.parseInt(count);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--instances takes a number, got \"" + count + "\"");
        }
    }

    private static int call(List<String> options) throws Exception {
        if (options.isEmpty() || options.size() > 2) {
            throw new IllegalArgumentException("usage: call METHOD 'JSON', e.g. call GetInvoice '{\"value\": \"…\"}'");
        }
        return GrpcCall.call(options.get(0), options.size() == 2 ? options.get(1) : "{}",
                LocalSettings.from(System.getenv()));
    }

    private static int inspect(List<String> options) throws Exception {
        if (options.size() != 2) {
            throw new IllegalArgumentException("usage: inspect invoice|investor|issuer ID");
        }
        return Inspect.inspect(options.get(0), options.get(1), LocalSettings.from(System.getenv()), System.out);
    }

    private static int status(List<String> options) throws InterruptedException {
        if (!options.isEmpty() && !options.equals(List.of("--watch"))) {
            throw new IllegalArgumentException("usage: status [--watch]");
        }
        return Status.show(LocalSettings.from(System.getenv()), options.contains("--watch"), System.out);
    }

    private static int record(List<String> options) throws InterruptedException {
        if (options.isEmpty() || options.size() % 2 == 0) {
            throw new IllegalArgumentException("usage: record FILE [--every SECONDS] [--minutes N]");
        }
        Duration every = Duration.ofMinutes(1);
        Optional<Integer> minutes = Optional.empty();
        for (int i = 1; i < options.size(); i += 2) {
            int value = Integer.parseInt(options.get(i + 1));
            switch (options.get(i)) {
                case "--every" -> every = Duration.ofSeconds(value);
                case "--minutes" -> minutes = Optional.of(value);
                default -> throw new IllegalArgumentException("unknown option " + options.get(i)
                        + " (record takes --every SECONDS and --minutes N)");
            }
        }
        return Record.record(LocalSettings.from(System.getenv()), Path.of(options.get(0)), every, minutes, System.out);
    }

    /**
     * Prints a token the local run's servers accept, for that caller, and nothing else: {@code operator [NAME]},
     * {@code issuer ID} or {@code investor ID}; valid {@link LocalIdentity#VALIDITY}, or {@code --hours N}.
     */
    private static int token(List<String> given) {
        List<String> options = new ArrayList<>(given);
        Duration validity = LocalIdentity.VALIDITY;
        int hours = options.indexOf("--hours");
        if (hours >= 0) {
            if (hours + 1 == options.size() || !options.get(hours + 1).matches("[1-9]\\d{0,5}")) {
                throw new IllegalArgumentException("--hours takes a whole number of hours, from 1");
            }
            validity = Duration.ofHours(Long.parseLong(options.get(hours + 1)));
            options.subList(hours, hours + 2).clear();
        }
        LocalSettings settings = LocalSettings.from(System.getenv());
        Caller caller = switch (options.isEmpty() ? "" : options.get(0)) {
            case "operator" -> Caller.operator(options.size() == 2 ? options.get(1) : LocalSettings.LOCAL_OPERATOR.subject());
            case "issuer" -> Caller.issuer(partyId(options));
            case "investor" -> Caller.investor(partyId(options));
            default -> throw new IllegalArgumentException(
                    "usage: token operator [NAME] | token issuer|investor ID, then --hours N if not 12");
        };
        LocalIdentity identity = settings.identity().orElseThrow(() -> new IllegalArgumentException(
                "no local identity in " + settings.home() + " yet: ./financing up makes one"));
        System.out.println(identity.token(caller, validity));
        return 0;
    }

    /**
     * Docker Compose's identity provider: the key made once in FINANCING_HOME (a volume), its JWK Set served on
     * every interface at FINANCING_IDENTITY_PORT, until the container stops.
     */
    private static void identity(List<String> options) throws InterruptedException {
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("usage: identity (FINANCING_HOME and FINANCING_IDENTITY_PORT say where)");
        }
        LocalSettings settings = LocalSettings.from(System.getenv());
        LocalIdentity identity = LocalIdentity.in(settings.infrastructure().identityDirectory());
        try (var jwks = JwksServer.start(new InetSocketAddress(settings.identityPort()), identity)) {
            System.out.println("Serving the JWK Set on port " + settings.identityPort() + JwksServer.PATH
                    + "; tokens: java -jar local-stack.jar token operator | issuer ID | investor ID");
            Thread.currentThread().join();
        }
    }

    private static UUID partyId(List<String> options) {
        if (options.size() != 2) {
            throw new IllegalArgumentException("usage: token " + options.get(0) + " ID");
        }
        return CanonicalUuid.parse(options.get(1)).orElseThrow(() -> new IllegalArgumentException(
                "the " + options.get(0) + "'s id must be " + CanonicalUuid.EXPECTED));
    }

    /** Prints each server's health and services; exits 0 only if every one is SERVING. */
    private static int health(List<String> addresses) {
        LocalSettings local = LocalSettings.from(System.getenv());
        List<String> targets = addresses.isEmpty()
                ? List.of("localhost:" + local.commandsPort(), "localhost:" + local.queriesPort())
                : addresses;
        int failures = 0;
        for (String target : targets) {
            int colon = target.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("expected host:port, got \"" + target + "\"");
            }
            try (var probe = new GrpcProbe(local.clients().to(target.substring(0, colon),
                    Integer.parseInt(target.substring(colon + 1))))) {
                ServingStatus status = probe.health("");
                System.out.println(target + " " + status);
                if (status == ServingStatus.SERVING) {
                    probe.services().forEach(service -> System.out.println("  " + service));
                } else {
                    failures++;
                }
            }
        }
        return failures == 0 ? 0 : 1;
    }
}

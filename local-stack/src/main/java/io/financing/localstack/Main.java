package io.financing.localstack;

import io.financing.grpc.edge.GrpcProbe;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.nio.file.Path;
import java.util.List;

/**
 * The commands behind the {@code ./financing} script: {@code up [--fresh] [--no-tracing]} runs the whole system;
 * {@code health [host:port …]} asks gRPC servers for their health and services; {@code call METHOD JSON}
 * calls one of our gRPC methods.
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
                default -> {
                    System.err.println("usage: financing up [--fresh] [--no-tracing] | health [host:port ...] | call METHOD 'JSON' | inspect invoice|investor|issuer ID | status [--watch]");
                    System.exit(2);
                }
            }
        } catch (Ports.PortTakenException | IllegalArgumentException e) {
            System.err.println("financing: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void up(List<String> options) throws InterruptedException {
        for (String option : options) {
            if (!option.equals("--fresh") && !option.equals("--no-tracing")) {
                throw new IllegalArgumentException("unknown option " + option + " (up takes --fresh and --no-tracing)");
            }
        }
        LocalSettings settings = LocalSettings.from(System.getenv());
        if (options.contains("--no-tracing")) {
            settings = settings.withoutTracing();
        }
        System.setProperty("financing.logs", settings.logDirectory().toString());
        System.setProperty("logback.configurationFile", "financing-up-logback.xml");
        new LocalRun(settings, Path.of("").toAbsolutePath()).up(options.contains("--fresh"));
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

package io.financing.localstack;

import io.financing.api.access.Caller;
import io.financing.grpc.edge.ClientChannels;
import io.financing.grpc.edge.GrpcProbe;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./financing up}: the whole system on this machine. PostgreSQL and Kafka run embedded, each
 * service as its own process; a service that dies is started again. Ctrl-C or SIGTERM stops
 * everything cleanly: services first (gracefully), then Kafka, then PostgreSQL.
 */
public final class LocalRun implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalRun.class);
    /** How long a service is given to stop gracefully before it is killed. */
    public static final Duration SERVICE_GRACE = Duration.ofSeconds(8);
    /** The heap of each service's JVM. */
    public static final String SERVICE_HEAP = "256m";
    /** Zipkin keeps the spans of the last minutes in its heap. */
    private static final String ZIPKIN_HEAP = "384m";
    /**
     * How long the services may take to serve: on two cores, with four Spring Boot services starting at once, about
     * 60–90 s (CI's smoke test of ./financing up); twice that before the run gives up.
     */
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration RESTART_DELAY = Duration.ofSeconds(2);
    /** Who the console acts as, and how long its token lasts: longer than any run is up. */
    private static final Caller CONSOLE_CALLER = Caller.operator("console");
    private static final Duration CONSOLE_TOKEN_VALIDITY = Duration.ofDays(30);
    /**
     * The populate tool's arguments for the parties a first start registers (Docker Compose's populate service
     * gives the same): their ids come from their names, so they are the same everywhere and never registered twice.
     */
    public static final List<String> DEMO_PARTIES =
            List.of("--issuers", "2", "--investors", "3", "--balance", "1000.00", "--stable-ids");

    private final LocalSettings settings;
    private final List<ServiceProcess> services;
    private volatile boolean stopping;
    private Infrastructure infrastructure;
    private FileLock homeLock; // referenced so that it lives, and locks, as long as this run

    private final Path repository;

    public LocalRun(LocalSettings settings, Path repository) {
        this(settings, repository, 1);
    }

    /**
     * @param instances how many financing services and query services run ({@code up --instances N}): they share the
     *                  partitions of their topics, the query services the read database too; from two on, a second
     *                  relayer stands by beside the first
     */
    public LocalRun(LocalSettings settings, Path repository, int instances) {
        if (instances < 1) {
            throw new IllegalArgumentException("--instances must be 1 or more, got " + instances);
        }
        this.settings = settings;
        this.repository = repository;
        this.services = new CopyOnWriteArrayList<>(Services.all(settings, repository, instances).stream()
                .map(this::process)
                .toList());
    }

    /** Runs until the JVM is stopped (Ctrl-C, SIGTERM), then stops everything. */
    void up(boolean fresh) throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "financing-down"));
        boolean firstStart = start(fresh);
        printEndpoints();
        if (firstStart) {
            registerDemoParties();
        }
        Thread.currentThread().join();
    }

    /**
     * Starts PostgreSQL, Kafka and every service, and returns once the gRPC servers serve.
     *
     * @return whether this was the first start on this home (no data before)
     */
    public boolean start(boolean fresh) throws InterruptedException {
        lockHome();
        stopLeftovers();
        if (fresh) {
            deleteRecursively(settings.dataDirectory());
            deleteRecursively(settings.logDirectory());
        }
        requirePortsFree();
        writeServiceDirectory();
        boolean firstStart = !Files.exists(settings.dataDirectory());
        log.info("Starting PostgreSQL and Kafka (data in {})", settings.dataDirectory());
        infrastructure = Infrastructure.start(settings.infrastructure());
        giveTheConsoleItsToken();
        trainAotCaches();
        services.stream().filter(service -> !collectsSpans(service)).forEach(this::supervise);
        awaitServing();
        awaitHttp(service(Services.CONSOLE), "/actuator/health/readiness");
        // Zipkin last: it only collects spans, and starting beside the services would slow each of theirs on a
        // small machine (on two cores, by a third). The spans of their own starts are lost; no call's is, since the
        // run is up only once Zipkin takes spans too.
        services.stream().filter(LocalRun::collectsSpans).forEach(this::supervise);
        if (settings.tracing()) {
            awaitHttp(service(Services.ZIPKIN), "/health");
        }
        return firstStart;
    }

    /**
     * The console calls the listener and the query service as an operator of this run, who may do everything, and says
     * so on its pages. Its token is minted here, once the identity exists, valid as long as a run may last.
     */
    private void giveTheConsoleItsToken() {
        if (!settings.authentication()) {
            return;
        }
        ServiceProcess console = service(Services.CONSOLE);
        var spec = console.spec();
        var environment = new HashMap<>(spec.environment());
        environment.put(ClientChannels.TOKEN, infrastructure.identity().token(CONSOLE_CALLER, CONSOLE_TOKEN_VALIDITY));
        services.set(services.indexOf(console), process(new ServiceProcess.Spec(spec.name(), spec.jar(), spec.maxHeap(),
                Map.copyOf(environment), spec.grpcPort(), spec.httpPort())));
    }

    /**
     * The first start after a build trains each service's AOT cache, in parallel (as many at once as the common
     * pool runs: two on two cores), before any service starts: it takes about two service starts longer, and every
     * start after it is faster ({@link AotCache}). Not Zipkin's, which is not ours to tune; nor the console's, which is
     * on no command's path, and whose start overlaps the services' longer ones: a fifth training would add a third
     * round on two cores.
     */
    private void trainAotCaches() {
        // One training per jar: the instances of a service share its cache.
        services.stream().filter(service -> !collectsSpans(service) && !service.spec().name().equals(Services.CONSOLE))
                .collect(Collectors.toMap(service -> service.spec().jar(), service -> service, (first, same) -> first))
                .values().parallelStream().forEach(ServiceProcess::trainAotCacheIfStale);
    }

    private static boolean collectsSpans(ServiceProcess service) {
        return service.spec().name().equals(Services.ZIPKIN);
    }

    private ServiceProcess process(ServiceProcess.Spec spec) {
        return new ServiceProcess(spec, settings.logDirectory(), settings.runDirectory());
    }

    /** Where it listens, for tests that reach its ports. */
    public LocalSettings settings() {
        return settings;
    }

    /** PostgreSQL and Kafka, for tests that take them down. */
    public Infrastructure infrastructure() {
        return infrastructure;
    }

    /**
     * The service of that name ({@code financing-service}, {@code query-service-2}, ...), for tests that kill it: it
     * is started again.
     */
    public ServiceProcess service(String name) {
        return services.stream().filter(service -> service.spec().name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    /** Every instance of that service running ({@code query-service}, {@code query-service-2}, ...). */
    public List<ServiceProcess> instancesOf(String name) {
        return services.stream().filter(service -> Services.instanceOf(service.spec(), name)).toList();
    }

    /**
     * Starts one more instance of the service {@code name}, supervised like the others, as {@code name-N}: on ports
     * of its own, in the same consumer groups (a relayer stands by while another leads, and takes over when that one
     * dies).
     */
    public ServiceProcess startAnother(String name) {
        var another = process(Services.another(service(name).spec(), instancesOf(name).size() + 1));
        services.add(another);
        writeServiceDirectory();
        supervise(another);
        return another;
    }

    private void writeServiceDirectory() {
        ServiceDirectory.write(settings.runDirectory(), services.stream().map(ServiceProcess::spec).toList());
    }

    /** Stops that instance for good, gracefully: it is no longer started again, nor part of the run. */
    public void retire(ServiceProcess instance) {
        services.remove(instance);
        writeServiceDirectory();
        instance.stop(SERVICE_GRACE);
    }

    /**
     * One run per home directory, held until this JVM ends: what a second run finds in the pid files
     * is then surely left over from a run that was killed, never a live one.
     */
    private void lockHome() {
        try {
            Files.createDirectories(settings.runDirectory());
            FileChannel channel = FileChannel.open(settings.runDirectory().resolve("up.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            homeLock = channel.tryLock();
            if (homeLock == null) {
                channel.close();
                throw new IllegalArgumentException("already up in another process, using " + settings.home());
            }
            // For scripts and people: `kill $(cat .financing/run/up.pid)` stops everything cleanly.
            Files.writeString(settings.runDirectory().resolve("up.pid"), Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not lock " + settings.runDirectory(), e);
        }
    }

    private void stopLeftovers() {
        services.forEach(service -> service.stopLeftover(SERVICE_GRACE));
        PostgresServer.stopLeftover(settings.dataDirectory().resolve("postgres"), Duration.ofSeconds(30));
    }

    private void requirePortsFree() {
        Ports.requireFree(settings.postgresPort(), "PostgreSQL, FINANCING_POSTGRES_PORT");
        Ports.requireFree(settings.kafkaPort(), "Kafka, FINANCING_KAFKA_PORT");
        Ports.requireFree(settings.kafkaControllerPort(), "Kafka controller, FINANCING_KAFKA_CONTROLLER_PORT");
        for (ServiceProcess service : services) {
            for (int port : new int[] {service.spec().grpcPort(), service.spec().httpPort()}) {
                if (port > 0) {
                    Ports.requireFree(port, service.spec().name());
                }
            }
        }
    }

    /** Starts the service, and starts it again whenever it ends while the system is meant to be up. */
    private void supervise(ServiceProcess service) {
        service.start().thenAccept(ended -> {
            if (!stopping && services.contains(service)) {
                log.error("{} exited with code {}; starting it again in {} s (see {})", service.spec().name(),
                        ended.exitValue(), RESTART_DELAY.toSeconds(), service.logFiles());
                CompletableFuture.delayedExecutor(RESTART_DELAY.toMillis(), TimeUnit.MILLISECONDS)
                        .execute(() -> {
                            if (!stopping && services.contains(service)) {
                                supervise(service);
                            }
                        });
            }
        });
    }

    private void awaitServing() throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        for (ServiceProcess service : services) {
            if (service.spec().grpcPort() == 0) {
                continue;
            }
            try (var probe = new GrpcProbe(settings.clients().to("localhost", service.spec().grpcPort()))) {
                while (probe.health("") != ServingStatus.SERVING) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(service.spec().name() + " did not become healthy within "
                                + STARTUP_TIMEOUT.toSeconds() + " s; see " + service.logFiles());
                    }
                    Thread.sleep(250);
                }
            }
        }
    }

    /** Waits until the service answers 200 on its HTTP port at that path. */
    private void awaitHttp(ServiceProcess service, String path) throws InterruptedException {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.spec().httpPort() + path))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (true) {
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(service.spec().name() + " did not start within "
                        + STARTUP_TIMEOUT.toSeconds() + " s; see " + service.logFiles());
            }
            Thread.sleep(250);
        }
    }

    private void printEndpoints() {
        var out = System.out;
        out.println();
        out.println("financing is up");
        for (ServiceProcess service : services) {
            int grpc = service.spec().grpcPort();
            int http = service.spec().httpPort();
            String path = switch (service.spec().name()) {
                case Services.ZIPKIN -> "/zipkin/";
                case Services.CONSOLE -> "/";
                default -> "/actuator";
            };
            out.printf("  %-20s %-16s %-38s log %s%n", service.spec().name(), grpc > 0 ? "localhost:" + grpc : "",
                    http > 0 ? "http://localhost:" + http + path : "", service.logFile());
        }
        out.printf("  %-20s jdbc:postgresql://localhost:%d/{%s,%s}  user %s%n", "postgresql",
                settings.postgresPort(), Infrastructure.EVENT_STORE_DATABASE, Infrastructure.READ_MODEL_DATABASE,
                PostgresServer.USER);
        out.printf("  %-20s localhost:%d  topics %s%n", "kafka", settings.kafkaPort(),
                String.join(", ", Infrastructure.TOPICS));
        if (settings.tls() != null) {
            out.printf("  %-20s both gRPC servers, with %s%n", "TLS", settings.tls().certificate());
        }
        out.printf("  %-20s %s%n", "callers", settings.authentication()
                ? "need a token (tokens checked against " + JwksServer.uri(settings.identityPort())
                        + "); ./financing token operator | issuer ID | investor ID"
                : "need no token: authentication is off (FINANCING_AUTH=off)");
        out.printf("  %-20s Java %s, %s%n", "every service on", Runtime.version().feature(), System.getProperty("java.home"));
        out.println("Try: ./financing health    ./financing status --watch    Stop: Ctrl-C");
        out.println();
    }

    /** A first start gets a few parties to play with, registered as the Registering context would. */
    private void registerDemoParties() throws InterruptedException {
        Path populate = repository.resolve("populate-tool/target/populate-tool-exec.jar");
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", populate.toString()));
        command.addAll(DEMO_PARTIES);
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("FINANCING_KAFKA_BOOTSTRAP", "localhost:" + settings.kafkaPort());
        try {
            Process process = builder.start();
            String registered = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() == 0) {
                System.out.println("Demo parties registered (./financing populate registers more), each with a token "
                        + "valid " + LocalIdentity.VALIDITY.toHours() + " h (./financing token mints more):");
                registered.lines().forEach(line -> System.out.println("  " + line + tokenFor(line)));
            } else {
                log.warn("Could not register the demo parties: {}", registered);
            }
        } catch (IOException e) {
            log.warn("Could not register the demo parties", e);
        }
    }

    /** "  token eyJ…" for a party the populate tool registered ("investor 5f0c…"); nothing while no token is needed. */
    private String tokenFor(String registered) {
        if (!settings.authentication()) {
            return "";
        }
        String[] party = registered.split(" ");
        UUID id = UUID.fromString(party[1]);
        Caller caller = party[0].equals("issuer") ? Caller.issuer(id) : Caller.investor(id);
        return "  token " + infrastructure.identity().token(caller);
    }

    /** Services first, in parallel, each given its grace period; then Kafka and PostgreSQL. */
    @Override
    public synchronized void close() {
        if (stopping) {
            return;
        }
        stopping = true;
        log.info("Stopping financing");
        services.parallelStream().forEach(service -> service.stop(SERVICE_GRACE));
        if (infrastructure != null) {
            infrastructure.close();
        }
        log.info("Stopped");
        try {
            if (homeLock != null) {
                homeLock.channel().close();
            }
        } catch (IOException e) {
            log.warn("Could not release {}", settings.runDirectory(), e);
        }
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not wipe " + directory, e);
        }
    }

    /** The services {@code ./financing up} runs, and the environment each is configured by. */
    static final class Services {

        static final String ZIPKIN = "zipkin";
        static final String CONSOLE = "console";
        /** Where each gRPC server is told its port. */
        private static final Map<String, String> GRPC_PORT_VARIABLE =
                Map.of("listener-service", "FINANCING_COMMANDS_PORT", "query-service", "FINANCING_QUERIES_PORT");

        private Services() {
        }

        static List<ServiceProcess.Spec> all(LocalSettings settings, Path repository, int instances) {
            String kafka = "localhost:" + settings.kafkaPort();
            String eventStore = "jdbc:postgresql://localhost:" + settings.postgresPort() + "/"
                    + Infrastructure.EVENT_STORE_DATABASE;
            Map<String, String> tls = settings.tls() == null ? Map.of() : settings.tls().environment();
            // The gRPC servers check callers' tokens against the local identity's keys, unless told not to.
            var grpcServer = new HashMap<>(tls);
            grpcServer.putAll(settings.authentication()
                    ? Map.of("FINANCING_AUTH_JWKS_URI", JwksServer.uri(settings.identityPort()))
                    : Map.of("FINANCING_AUTH", "off"));
            Map<String, String> tracing = settings.tracing()
                    ? Map.of("FINANCING_ZIPKIN_ENDPOINT", settings.zipkinSpansEndpoint(), "FINANCING_TRACING_SAMPLING", "1.0")
                    // Nothing to report to: no span is recorded (the trace context still travels, unsampled).
                    : Map.of("FINANCING_TRACING_SAMPLING", "0.0");
            var management = settings.management();
            List<ServiceProcess.Spec> services = new ArrayList<>();
            if (settings.tracing()) {
                services.add(zipkin(settings, repository));
            }
            services.add(new ServiceProcess.Spec("listener-service", jar(repository, "listener-service"), SERVICE_HEAP,
                    with(grpcServer, tracing, management.listener(), Map.of(
                            "FINANCING_COMMANDS_PORT", Integer.toString(settings.commandsPort()),
                            "FINANCING_KAFKA_BOOTSTRAP", kafka)),
                    settings.commandsPort(), management.listener()));
            services.add(new ServiceProcess.Spec("financing-service", jar(repository, "financing-service"), SERVICE_HEAP,
                    with(Map.of(), tracing, management.financing(), Map.of(
                            "FINANCING_KAFKA_BOOTSTRAP", kafka, "FINANCING_EVENTSTORE_URL", eventStore)),
                    0, management.financing()));
            services.add(new ServiceProcess.Spec("query-service", jar(repository, "query-service"), SERVICE_HEAP,
                    with(grpcServer, tracing, management.query(), Map.of(
                            "FINANCING_QUERIES_PORT", Integer.toString(settings.queriesPort()),
                            "FINANCING_KAFKA_BOOTSTRAP", kafka, "FINANCING_EVENTSTORE_URL", eventStore,
                            "FINANCING_READMODEL_URL", "jdbc:postgresql://localhost:" + settings.postgresPort()
                                    + "/" + Infrastructure.READ_MODEL_DATABASE)),
                    settings.queriesPort(), management.query()));
            services.add(new ServiceProcess.Spec("relayer-service",
                    repository.resolve("relayer-service/target/relayer-service-exec.jar"), SERVICE_HEAP,
                    with(Map.of(), tracing, management.relayer(), Map.of(
                            "FINANCING_KAFKA_BOOTSTRAP", kafka, "FINANCING_EVENTSTORE_URL", eventStore)),
                    0, management.relayer()));
            services.addAll(copies(services, instances));
            services.add(console(settings, repository, services, tracing, kafka, eventStore));
            return List.copyOf(services);
        }

        /**
         * The web console, watching every service named before it (their health and metrics), reaching the gRPC
         * servers as the tools do (trusting their certificate under TLS); its token comes once the run has an identity.
         */
        private static ServiceProcess.Spec console(LocalSettings settings, Path repository,
                                                   List<ServiceProcess.Spec> watched, Map<String, String> tracing,
                                                   String kafka, String eventStore) {
            var environment = new HashMap<String, String>();
            settings.clients().trusted().ifPresent(certificate -> environment.put(ClientChannels.TRUST, certificate.getPath()));
            environment.putAll(Map.of(
                    "FINANCING_CONSOLE_PORT", Integer.toString(settings.consolePort()),
                    "FINANCING_COMMANDS_ADDR", "localhost:" + settings.commandsPort(),
                    "FINANCING_QUERIES_ADDR", "localhost:" + settings.queriesPort(),
                    "FINANCING_KAFKA_BOOTSTRAP", kafka,
                    "FINANCING_EVENTSTORE_URL", eventStore,
                    "FINANCING_CONSOLE_SERVICES", watched.stream().filter(service -> !service.name().equals(ZIPKIN))
                            .map(service -> service.name() + "=http://localhost:" + service.httpPort())
                            .collect(Collectors.joining(","))));
            return new ServiceProcess.Spec(CONSOLE, jar(repository, CONSOLE), SERVICE_HEAP,
                    with(environment, tracing, settings.consolePort(), Map.of()), 0, settings.consolePort());
        }

        /** The instances after the first: of the financing and query services, and a relayer standing by. */
        private static List<ServiceProcess.Spec> copies(List<ServiceProcess.Spec> firsts, int instances) {
            List<ServiceProcess.Spec> copies = new ArrayList<>();
            for (var first : firsts) {
                int count = switch (first.name()) {
                    case "financing-service", "query-service" -> instances;
                    case "relayer-service" -> Math.min(instances, 2);
                    default -> 1;
                };
                for (int number = 2; number <= count; number++) {
                    copies.add(another(first, number));
                }
            }
            return copies;
        }

        /**
         * Instance {@code number} of the service {@code first} is, named after it: the same jar and settings, on free
         * ports of its own (its gRPC server's, if it has one, and its management port).
         */
        static ServiceProcess.Spec another(ServiceProcess.Spec first, int number) {
            var environment = new HashMap<>(first.environment());
            int management = Ports.free();
            environment.put("FINANCING_MANAGEMENT_PORT", Integer.toString(management));
            int grpc = first.grpcPort() == 0 ? 0 : Ports.free();
            if (grpc > 0) {
                environment.put(GRPC_PORT_VARIABLE.get(first.name()), Integer.toString(grpc));
            }
            return new ServiceProcess.Spec(first.name() + "-" + number, first.jar(), first.maxHeap(),
                    Map.copyOf(environment), grpc, management);
        }

        static boolean instanceOf(ServiceProcess.Spec spec, String name) {
            return spec.name().equals(name) || spec.name().matches(Pattern.quote(name) + "-\\d+");
        }

        /**
         * A real Zipkin server (its own jar, from Maven Central, fetched by the build), keeping spans in memory,
         * for this machine only.
         */
        private static ServiceProcess.Spec zipkin(LocalSettings settings, Path repository) {
            String port = Integer.toString(settings.zipkinPort());
            return new ServiceProcess.Spec(ZIPKIN, repository.resolve("local-stack/target/zipkin/zipkin-server.jar"),
                    ZIPKIN_HEAP, Map.of("STORAGE_TYPE", "mem", "MEM_MAX_SPANS", "200000",
                            // The whole list of ports, as Spring binds a list from one source only.
                            "ARMERIA_PORTS_0_PORT", port, "ARMERIA_PORTS_0_IP", "127.0.0.1",
                            "ARMERIA_PORTS_0_PROTOCOLS_0", "http", "QUERY_PORT", port),
                    0, settings.zipkinPort());
        }

        private static Map<String, String> with(Map<String, String> grpcServer, Map<String, String> tracing,
                                                int managementPort, Map<String, String> environment) {
            var all = new HashMap<>(environment);
            all.putAll(grpcServer);
            all.putAll(tracing);
            all.put("FINANCING_MANAGEMENT_PORT", Integer.toString(managementPort));
            return Map.copyOf(all);
        }

        private static Path jar(Path repository, String module) {
            return repository.resolve(module).resolve("target").resolve(module + ".jar");
        }
    }
}

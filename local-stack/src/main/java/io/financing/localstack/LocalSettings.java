package io.financing.localstack;

import io.financing.api.access.Caller;
import io.financing.grpc.edge.ClientChannels;
import io.financing.grpc.edge.ServerTls;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where {@code ./financing up} listens and keeps its data, from environment variables with defaults.
 *
 * @param home             everything the local run keeps: data, logs, pid files ({@code FINANCING_HOME}, ./.financing)
 * @param databaseUser     who the tools log in to PostgreSQL as ({@code FINANCING_DB_USER}, as the services read it;
 *                         the embedded server's superuser by default)
 * @param databasePassword ({@code FINANCING_DB_PASSWORD}, none by default)
 * @param tls              the certificate and key both gRPC servers serve TLS with; null: plaintext
 * @param clients          how the local tools reach the servers: plaintext, or TLS trusting a certificate
 * @param management       each service's management port (Actuator over HTTP)
 * @param zipkinPort       where the local Zipkin serves its UI and takes spans ({@code FINANCING_ZIPKIN_PORT}, 9411)
 * @param tracing          whether the local run starts Zipkin and the services report to it ({@code up --no-tracing})
 * @param identityPort     where the local identity provider serves its JWK Set ({@code FINANCING_IDENTITY_PORT}, 9189)
 * @param authentication   whether the gRPC servers require tokens ({@code FINANCING_AUTH}: on, unless "off")
 * @param consolePort      where the web console serves ({@code FINANCING_CONSOLE_PORT}, 8082)
 */
public record LocalSettings(Path home, int commandsPort, int queriesPort, int postgresPort, int kafkaPort,
                            int kafkaControllerPort, String databaseUser, String databasePassword, ServerTls tls,
                            ClientChannels clients, ManagementPorts management, int zipkinPort, boolean tracing,
                            int identityPort, boolean authentication, int consolePort) {

    /**
     * The services' management ports ({@code FINANCING_LISTENER_MANAGEMENT_PORT} 9180,
     * {@code FINANCING_SERVICE_MANAGEMENT_PORT} 9181, {@code FINANCING_RELAYER_MANAGEMENT_PORT} 9182,
     * {@code FINANCING_QUERY_MANAGEMENT_PORT} 9183); each service reads its own as {@code FINANCING_MANAGEMENT_PORT}.
     */
    public record ManagementPorts(int listener, int financing, int relayer, int query) {
    }

    /** Free ports and the given home: a whole system for tests, beside anything else running, traced. */
    public static LocalSettings forTests(Path home) {
        return new LocalSettings(home, Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(),
                PostgresServer.USER, "", null, ClientChannels.plaintext(),
                new ManagementPorts(Ports.free(), Ports.free(), Ports.free(), Ports.free()), Ports.free(), true,
                Ports.free(), true, Ports.free());
    }

    /** The same system, its servers speaking TLS only, and its tools trusting their certificate. */
    public LocalSettings withTls(File certificate, File privateKey) {
        return new LocalSettings(home, commandsPort, queriesPort, postgresPort, kafkaPort, kafkaControllerPort,
                databaseUser, databasePassword, new ServerTls(certificate, privateKey), ClientChannels.trusting(certificate),
                management, zipkinPort, tracing, identityPort, authentication, consolePort);
    }

    /** The same system without Zipkin, its services reporting no spans. */
    public LocalSettings withoutTracing() {
        return new LocalSettings(home, commandsPort, queriesPort, postgresPort, kafkaPort, kafkaControllerPort,
                databaseUser, databasePassword, tls, clients, management, zipkinPort, false, identityPort, authentication,
                consolePort);
    }

    /** Where the local Zipkin takes spans, in its v2 API. */
    public String zipkinSpansEndpoint() {
        return "http://localhost:" + zipkinPort + "/api/v2/spans";
    }

    /** Who the local tools act as when no {@code FINANCING_TOKEN} says otherwise. */
    public static final Caller LOCAL_OPERATOR = Caller.operator("local-operator");

    static LocalSettings from(Map<String, String> env) {
        boolean authentication = !"off".equalsIgnoreCase(env.getOrDefault("FINANCING_AUTH", "on").strip());
        return new LocalSettings(
                Path.of(env.getOrDefault("FINANCING_HOME", ".financing")).toAbsolutePath().normalize(),
                port(env, "FINANCING_COMMANDS_PORT", 8080),
                port(env, "FINANCING_QUERIES_PORT", 8081),
                port(env, "FINANCING_POSTGRES_PORT", 5432),
                port(env, "FINANCING_KAFKA_PORT", 9092),
                port(env, "FINANCING_KAFKA_CONTROLLER_PORT", 9093),
                env.getOrDefault("FINANCING_DB_USER", PostgresServer.USER),
                env.getOrDefault("FINANCING_DB_PASSWORD", ""),
                ServerTls.fromEnvironment(env),
                ClientChannels.from(env),
                new ManagementPorts(port(env, "FINANCING_LISTENER_MANAGEMENT_PORT", 9180),
                        port(env, "FINANCING_SERVICE_MANAGEMENT_PORT", 9181),
                        port(env, "FINANCING_RELAYER_MANAGEMENT_PORT", 9182),
                        port(env, "FINANCING_QUERY_MANAGEMENT_PORT", 9183)),
                port(env, "FINANCING_ZIPKIN_PORT", 9411),
                true,
                port(env, "FINANCING_IDENTITY_PORT", 9189),
                authentication,
                port(env, "FINANCING_CONSOLE_PORT", 8082)).withLocalOperatorUnlessTokenGiven();
    }

    /**
     * How the tools call: with the token in {@code FINANCING_TOKEN} if there is one; otherwise, once a local run
     * has made its identity, as the local operator, who may do everything.
     */
    private LocalSettings withLocalOperatorUnlessTokenGiven() {
        if (!authentication || clients.hasToken()) {
            return this;
        }
        return identity().map(local -> withClients(clients.withToken(local.token(LOCAL_OPERATOR)))).orElse(this);
    }

    /** The local run's identity provider, once a run has made it. */
    public Optional<LocalIdentity> identity() {
        return LocalIdentity.existing(infrastructure().identityDirectory());
    }

    private LocalSettings withClients(ClientChannels others) {
        return new LocalSettings(home, commandsPort, queriesPort, postgresPort, kafkaPort, kafkaControllerPort,
                databaseUser, databasePassword, tls, others, management, zipkinPort, tracing, identityPort, authentication,
                consolePort);
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number from 1 to 65535, got \"" + value + "\"");
        }
    }

    Path dataDirectory() {
        return home.resolve("data");
    }

    Path logDirectory() {
        return home.resolve("logs");
    }

    Path runDirectory() {
        return home.resolve("run");
    }

    Infrastructure.Settings infrastructure() {
        return new Infrastructure.Settings(postgresPort, kafkaPort, kafkaControllerPort, identityPort, 6,
                dataDirectory(), logDirectory(), true);
    }
}

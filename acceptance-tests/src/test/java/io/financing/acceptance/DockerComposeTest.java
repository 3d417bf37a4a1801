package io.financing.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.financing.localstack.Infrastructure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot run on our machines (no Docker engine), so what can be checked without
 * running it is checked here: every service is built from a module and jar that exist, and every
 * environment variable it is given is one that service reads.
 */
class DockerComposeTest {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

    @SuppressWarnings("unchecked")
    private final Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>)
            ((Map<String, Object>) new Yaml().load(read(REPOSITORY.resolve("docker-compose.yml")))).get("services");

    @Test
    void everyServiceIsBuiltFromAModuleAndAJarOfThisRepository() {
        assertThat(built()).containsOnlyKeys("listener-service", "financing-service", "relayer-service", "query-service");
        built().forEach((name, args) -> {
            assertThat(args.get("MODULE")).isEqualTo(name);
            assertThat(REPOSITORY.resolve(name).resolve("target").resolve(args.get("JAR"))).isRegularFile();
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyVariableAServiceIsGivenIsOneItReads() {
        built().keySet().forEach(name -> {
            String configuration = read(REPOSITORY.resolve(name).resolve("src/main/resources/application.yml"));
            var environment = (Map<String, Object>) services.get(name).get("environment");
            assertThat(environment).containsKey("FINANCING_KAFKA_BOOTSTRAP");
            environment.keySet().stream().filter(variable -> !variable.equals("JAVA_TOOL_OPTIONS"))
                    .forEach(variable -> assertThat(configuration).as("%s reads %s", name, variable)
                            .contains("${" + variable + ":"));
        });
    }

    @Test
    void theTopicsCreatedAreTheSystemsTopics() {
        String topics = String.valueOf(services.get("kafka-topics").get("command"));

        Infrastructure.TOPICS.forEach(topic -> assertThat(topics).contains(topic));
        assertThat(topics).contains("--partitions 6");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, String>> built() {
        var built = new java.util.TreeMap<String, Map<String, String>>();
        services.forEach((name, service) -> {
            if (service.get("build") instanceof Map<?, ?> build) {
                built.put(name, (Map<String, String>) build.get("args"));
            }
        });
        return built;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

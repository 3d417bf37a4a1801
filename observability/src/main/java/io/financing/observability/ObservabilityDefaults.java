package io.financing.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.StringUtils;

/**
 * The settings every service shares (observability.yml), at the lowest precedence so that a service's own
 * application.yml and the environment override them; and the exporters' endpoints, taken from
 * FINANCING_OTLP_ENDPOINT and FINANCING_ZIPKIN_ENDPOINT only when they are set and not blank, because Spring
 * Boot would start an exporter for an empty endpoint too.
 */
class ObservabilityDefaults implements EnvironmentPostProcessor {

    static final String ZIPKIN_ENDPOINT = "financing.tracing.zipkin-endpoint";
    private static final String OTLP_ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            new YamlPropertySourceLoader()
                    .load("financing observability defaults", new ClassPathResource("io/financing/observability/observability.yml"))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> endpoints = new HashMap<>();
        putIfGiven(endpoints, environment.getProperty("FINANCING_OTLP_ENDPOINT"), OTLP_ENDPOINT);
        putIfGiven(endpoints, environment.getProperty("FINANCING_ZIPKIN_ENDPOINT"), ZIPKIN_ENDPOINT);
        environment.getPropertySources().addLast(new MapPropertySource("financing trace exporters", endpoints));
    }

    private static void putIfGiven(Map<String, Object> properties, String value, String name) {
        if (StringUtils.hasText(value)) {
            properties.put(name, value);
        }
    }
}

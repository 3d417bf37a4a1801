package io.financing.observability;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.exporter.SpanExportingPredicate;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import java.time.Duration;
import java.util.Locale;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/** What every service gets by depending on this module; its settings are in {@link ObservabilityDefaults}. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration"})
public class ObservabilityAutoConfiguration {

    /** Contributes {@code kafka} to health, and through it to readiness. */
    @Bean
    @ConditionalOnBean(KafkaAdmin.class)
    KafkaHealth kafkaHealthIndicator(KafkaAdmin kafka,
                                     @Value("${financing.health.kafka-timeout:2s}") Duration timeout) {
        return new KafkaHealth(Admin.create(kafka.getConfigurationProperties()), timeout);
    }

    @Bean
    @ConditionalOnBean({Tracer.class, Propagator.class})
    Traces traces(Tracer tracer, Propagator propagator) {
        return new Traces(tracer, propagator);
    }

    /** Spans to Zipkin's v2 API, beside any other exporter (OTLP), when an endpoint is given. */
    @Bean
    @ConditionalOnProperty(ObservabilityDefaults.ZIPKIN_ENDPOINT)
    ZipkinSpanExporter zipkinSpanExporter(@Value("${" + ObservabilityDefaults.ZIPKIN_ENDPOINT + "}") String endpoint) {
        return ZipkinSpanExporter.builder().setEndpoint(endpoint).build();
    }

    /**
     * Probes (gRPC health checks and reflection, the management port's scrapes and health checks) are not part
     * of any bid's story: they are timed and counted like every call, but their spans are not exported.
     */
    @Bean
    SpanExportingPredicate noProbeSpans() {
        return span -> {
            String name = span.getName().toLowerCase(Locale.ROOT);
            return !name.startsWith("grpc.health.") && !name.startsWith("grpc.reflection.")
                    && !span.getTags().getOrDefault("uri", "").startsWith("/actuator");
        };
    }
}

package io.financing.grpc.edge;

import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

/**
 * gRPC health says what Actuator's readiness says: SERVING while readiness is UP (the application has
 * started and the database and Kafka it needs answer), NOT_SERVING otherwise, and for good from the moment
 * the application stops. The server as a whole ({@code ""}) and each of its services by name are told, so
 * that a load balancer asking either way stops sending calls that could only fail. Readiness is checked
 * every interval (the database or Kafka may go away at any time) and at once when the application's own
 * readiness changes, so a client that waits for SERVING after start is not kept waiting an interval.
 */
public final class ServingFollowsReadiness
        implements SmartLifecycle, ApplicationListener<AvailabilityChangeEvent<ReadinessState>> {

    private static final Logger log = LoggerFactory.getLogger(ServingFollowsReadiness.class);

    private final HealthStatusManager health;
    private final HealthEndpoint endpoint;
    private final Duration interval;
    private final List<String> services;
    private ScheduledExecutorService checks;
    private volatile ServingStatus last;

    public ServingFollowsReadiness(HealthStatusManager health, HealthEndpoint endpoint, Duration interval,
                                   String... services) {
        this.health = health;
        this.endpoint = endpoint;
        this.interval = interval;
        this.services = List.of(services);
    }

    @Override
    public void start() {
        checks = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("grpc-readiness").factory());
        checks.scheduleWithFixedDelay(this::follow, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        checks.shutdownNow();
        health.enterTerminalState();
    }

    @Override
    public boolean isRunning() {
        return checks != null && !checks.isShutdown();
    }

    @Override
    public void onApplicationEvent(AvailabilityChangeEvent<ReadinessState> event) {
        if (isRunning()) {
            follow();
        }
    }

    private synchronized void follow() {
        ServingStatus status = readiness();
        if (status != last) {
            log.info("gRPC health: {} (readiness)", status);
            last = status;
        }
        health.setStatus("", status);
        services.forEach(service -> health.setStatus(service, status));
    }

    private ServingStatus readiness() {
        try {
            HealthDescriptor readiness = endpoint.healthForPath("readiness");
            return readiness != null && Status.UP.equals(readiness.getStatus()) ? ServingStatus.SERVING
                    : ServingStatus.NOT_SERVING;
        } catch (RuntimeException e) {
            log.warn("Readiness could not be checked", e);
            return ServingStatus.NOT_SERVING;
        }
    }
}

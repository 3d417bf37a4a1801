package io.financing.listener.grpc;

import io.financing.api.v1.CommandsGrpc;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells gRPC health checks about {@code financing.v1.Commands} by name, not only the server as a
 * whole: SERVING once the application is ready, NOT_SERVING from the moment it starts shutting down.
 */
@Component
class CommandsHealth {

    private final HealthStatusManager health;

    CommandsHealth(HealthStatusManager health) {
        this.health = health;
    }

    @EventListener(ApplicationReadyEvent.class)
    void serving() {
        health.setStatus(CommandsGrpc.SERVICE_NAME, ServingStatus.SERVING);
    }

    @EventListener(ContextClosedEvent.class)
    void shuttingDown() {
        health.enterTerminalState();
    }
}

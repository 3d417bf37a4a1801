package io.financing.observability;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Whether the Kafka cluster answers: part of each service's readiness, since a service that cannot reach
 * Kafka can neither take commands in nor pass events on. Spring Boot has no Kafka check of its own.
 */
class KafkaHealth extends AbstractHealthIndicator implements DisposableBean {

    private final Admin admin;
    private final Duration timeout;

    KafkaHealth(Admin admin, Duration timeout) {
        super("Kafka is unreachable");
        this.admin = admin;
        this.timeout = timeout;
    }

    /** DOWN, saying why, without a stack trace in the log at each check while Kafka is away. */
    @Override
    protected void doHealthCheck(Health.Builder health) throws InterruptedException {
        try {
            var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
            int brokers = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
            health.up().withDetail("clusterId", cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS))
                    .withDetail("brokers", brokers);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            health.down().withDetail("error", cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
    }

    @Override
    public void destroy() {
        admin.close(Duration.ZERO);
    }
}

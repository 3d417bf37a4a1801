package io.financing.service.retention;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * How long after a message was published a topic may still deliver it: Kafka deletes a log segment only once the
 * newest record in it is older than {@code retention.ms}, and a segment takes up to {@code segment.ms} to fill, so a
 * record can live for both together. A topic that keeps its records forever ({@code retention.ms} -1) has no
 * horizon.
 */
final class RedeliveryHorizon {

    private RedeliveryHorizon() {
    }

    /** The longest horizon of the topics, or none if one keeps its records forever. */
    static Optional<Duration> of(Admin admin, Collection<String> topics) throws ExecutionException, InterruptedException {
        List<ConfigResource> resources = topics.stream()
                .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList();
        Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();
        Duration longest = Duration.ZERO;
        for (Config config : configs.values()) {
            Optional<Duration> horizon = of(Long.parseLong(config.get(TopicConfig.RETENTION_MS_CONFIG).value()),
                    Long.parseLong(config.get(TopicConfig.SEGMENT_MS_CONFIG).value()));
            if (horizon.isEmpty()) {
                return Optional.empty();
            }
            longest = horizon.get().compareTo(longest) > 0 ? horizon.get() : longest;
        }
        return Optional.of(longest);
    }

    static Optional<Duration> of(long retentionMs, long segmentMs) {
        return retentionMs < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(retentionMs).plusMillis(segmentMs));
    }
}

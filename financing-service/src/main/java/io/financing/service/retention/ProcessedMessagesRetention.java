package io.financing.service.retention;

import io.financing.eventstore.ExpiredRows;
import io.financing.eventstore.ProcessedMessages;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Forgets the records of messages processed longer ago than {@link RetentionProperties#processedMessages}, so that
 * {@code eventstore.processed_messages} does not grow without bound. A record guards against a message delivered
 * again: it may go only once no topic it guards can deliver that message any more. So each round first asks Kafka
 * how long its topics keep their records ({@link RedeliveryHorizon}), and forgets nothing, saying why, while the
 * age kept is not longer than that. It forgets in small batches, each its own short statement that waits for no
 * writer, until none older is left.
 */
@Component
class ProcessedMessagesRetention {

    private static final Logger log = LoggerFactory.getLogger(ProcessedMessagesRetention.class);

    private final ProcessedMessages processed;
    private final RetentionProperties retention;
    private final KafkaAdmin kafka;
    private final List<String> guarded;
    private final Clock clock;
    private final Counter forgotten;
    private boolean refusedBefore;

    ProcessedMessagesRetention(ProcessedMessages processed, RetentionProperties retention, KafkaAdmin kafka,
                               @Value("${financing.topics.commands}") String commands,
                               @Value("${financing.topics.registering}") String registering,
                               @Value("${financing.topics.events}") String events, MeterRegistry meters) {
        this.processed = processed;
        this.retention = retention;
        this.kafka = kafka;
        this.guarded = List.of(commands, registering, events);
        this.clock = Clock.systemUTC();
        this.forgotten = Counter.builder("financing.retention.forgotten").tag("table", "processed_messages")
                .description("Records of processed messages forgotten, being older than the retention").register(meters);
    }

    /** One round: forgets every expired record, a batch at a time, if the topics allow it. */
    long forgetExpired() {
        if (!topicsAllow()) {
            return 0;
        }
        var cutoff = clock.instant().minus(retention.processedMessages());
        long total = ExpiredRows.deleteAll(retention.batch(),
                () -> processed.forgetProcessedBefore(cutoff, retention.batch()), forgotten);
        if (total > 0) {
            log.info("Forgot {} records of messages processed before {}", total, cutoff);
        }
        return total;
    }

    private boolean topicsAllow() {
        Optional<Duration> horizon;
        try (Admin admin = Admin.create(kafka.getConfigurationProperties())) {
            horizon = RedeliveryHorizon.of(admin, guarded);
        } catch (Exception e) {
            log.warn("Forgetting no processed messages this round: could not read the retention of {} ({})", guarded,
                    e.getMessage());
            return false;
        }
        boolean allowed = horizon.isPresent() && retention.processedMessages().compareTo(horizon.get()) > 0;
        if (!allowed && !refusedBefore) {
            log.error("Forgetting no processed messages: they are kept for {}, but {} may deliver a message again for {}"
                            + " (retention.ms plus segment.ms); a record that went before its message could would let"
                            + " the message be processed twice. Keep them longer (FINANCING_RETENTION_PROCESSED_MESSAGES)"
                            + " or the topics' records shorter.", retention.processedMessages(), guarded,
                    horizon.map(Duration::toString).orElse("ever"));
        }
        refusedBefore = !allowed;
        return allowed;
    }
}

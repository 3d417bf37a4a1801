package io.financing.service;

import io.financing.eventstore.AggregateRepository;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param snapshotEvery a snapshot each time a stream passes a multiple of this many events (0: never)
 * @param maxAttempts   attempts of an update before a concurrency conflict is let through (and retried by Kafka)
 * @param notifyInterval the least time between two wake-up calls to the relay that new events are stored
 * @param recentStates  how many investors' and how many invoices' latest states each repository keeps in memory
 */
@ConfigurationProperties("financing.aggregates")
record FinancingProperties(@DefaultValue("100") int snapshotEvery, @DefaultValue("20") int maxAttempts,
                           @DefaultValue("1ms") Duration notifyInterval, @DefaultValue("50000") int recentStates) {

    AggregateRepository.Settings repository() {
        return new AggregateRepository.Settings(snapshotEvery, maxAttempts, recentStates);
    }
}

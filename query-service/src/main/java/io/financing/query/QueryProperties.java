package io.financing.query;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param eventsTopic   the domain events projected ({@code FINANCING_QUERY_EVENTS_TOPIC})
 * @param concurrency   listener threads on it ({@code FINANCING_QUERY_CONCURRENCY})
 * @param eventStoreUrl the event store, read only to rebuild the read models ({@code FINANCING_EVENTSTORE_URL})
 */
@ConfigurationProperties("financing.query")
public record QueryProperties(@DefaultValue("financing.events") String eventsTopic,
                              @DefaultValue("3") int concurrency,
                              @DefaultValue("jdbc:postgresql://localhost:5432/eventstore") String eventStoreUrl) {
}

package io.financing.service.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the records of processed messages are kept, and how they go.
 *
 * @param processedMessages how old a record may get ({@code FINANCING_RETENTION_PROCESSED_MESSAGES}): it must
 *                          outlast every message of the topics it guards, which {@link RedeliveryHorizon} checks
 * @param batch             records forgotten per statement, so no statement runs long
 * @param interval          how often it looks for expired records
 */
@ConfigurationProperties("financing.retention")
record RetentionProperties(@DefaultValue("7d") Duration processedMessages, @DefaultValue("1000") int batch,
                           @DefaultValue("1m") Duration interval) {
}

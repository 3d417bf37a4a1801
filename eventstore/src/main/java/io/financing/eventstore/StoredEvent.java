package io.financing.eventstore;

import java.time.Instant;
import java.util.UUID;

/**
 * An event as the store keeps it.
 *
 * @param position      its global position: unique, increasing in the order events were written
 * @param transactionId the transaction that wrote it, which orders the all-events feed
 * @param version       its place in its stream, from 1
 * @param data          JSON text
 */
public record StoredEvent(long position, long transactionId, UUID eventId, UUID streamId, String streamType,
                          long version, String name, String data, EventMetadata metadata, Instant occurredAt) {
}

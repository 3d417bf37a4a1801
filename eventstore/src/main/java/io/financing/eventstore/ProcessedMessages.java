package io.financing.eventstore;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Exactly-once effects over at-least-once delivery: a consumer records each message it processes in
 * the same transaction as the message's effects. A redelivered message is then found recorded, and
 * skipped; if the transaction failed, neither the record nor the effects exist and it is processed anew.
 */
public final class ProcessedMessages {

    private static final String PROCESSED_AMONG = """
            SELECT message_id FROM eventstore.processed_messages WHERE consumer = ? AND message_id = ANY(?)
            """;
    private static final String MARK_PROCESSED = """
            INSERT INTO eventstore.processed_messages (consumer, message_id) SELECT ?, unnest(?::text[])
            ON CONFLICT DO NOTHING
            """;
    // The oldest first, and none a writer holds: a redelivered message's record is never waited for, nor waits.
    private static final ExpiredRows RECORDS = new ExpiredRows("eventstore.processed_messages", "consumer, message_id",
            "processed_at");

    private final JdbcTemplate jdbc;

    public ProcessedMessages(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * Records that {@code consumer} processes {@code messageId}. A concurrent duplicate waits here until
     * the first one's transaction ends.
     *
     * @return true the first time, false if it was processed already: then do nothing
     */
    public boolean markProcessed(String consumer, String messageId) {
        return markProcessed(consumer, List.of(messageId)) == 1;
    }

    /**
     * Records that {@code consumer} processes the messages, in one statement. A concurrent duplicate of one of
     * them waits here until the first one's transaction ends.
     *
     * @return how many were not recorded before: fewer than given means another transaction processed some
     */
    public int markProcessed(String consumer, List<String> messageIds) {
        return jdbc.update(connection -> {
            var statement = connection.prepareStatement(MARK_PROCESSED);
            statement.setString(1, consumer);
            statement.setArray(2, connection.createArrayOf("text", messageIds.toArray()));
            return statement;
        });
    }

    /**
     * Forgets up to {@code batch} of the records of messages processed before {@code cutoff}, the oldest first, in
     * one short statement. A message redelivered after its record went would be processed again: the cutoff must
     * lie before anything the topics can still deliver.
     *
     * @return how many it forgot: fewer than {@code batch} when no older one is left
     */
    public int forgetProcessedBefore(Instant cutoff, int batch) {
        return RECORDS.delete(jdbc, cutoff, batch);
    }

    /** Which of the messages {@code consumer} has processed already (committed), in one query. */
    public Set<String> processedAmong(String consumer, List<String> messageIds) {
        Set<String> processed = new HashSet<>();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(PROCESSED_AMONG);
            statement.setString(1, consumer);
            statement.setArray(2, connection.createArrayOf("text", messageIds.toArray()));
            return statement;
        }, row -> {
            processed.add(row.getString(1));
        });
        return processed;
    }
}

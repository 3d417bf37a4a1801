package io.financing.eventstore;

import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Exactly-once effects over at-least-once delivery: a consumer records each message it processes in
 * the same transaction as the message's effects. A redelivered message is then found recorded, and
 * skipped; if the transaction failed, neither the record nor the effects exist and it is processed anew.
 */
public final class ProcessedMessages {

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
        return jdbc.update("""
                INSERT INTO eventstore.processed_messages (consumer, message_id) VALUES (?, ?)
                ON CONFLICT DO NOTHING
                """, consumer, messageId) == 1;
    }
}

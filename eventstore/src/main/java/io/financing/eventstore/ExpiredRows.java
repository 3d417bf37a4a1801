package io.financing.eventstore;

import io.micrometer.core.instrument.Counter;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.IntSupplier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows that are not history and expire: records of processed messages, the query side's command statuses. They go
 * the oldest first, a batch per statement, and each batch skips the rows a writer holds: no statement runs long,
 * none waits for a writer, and none makes a writer wait.
 *
 * @param table the table, with its schema if it has one
 * @param key   the columns of its primary key, separated by commas
 * @param age   the column of when each row was written, with an index on it
 */
public record ExpiredRows(String table, String key, String age) {

    /** Deletes up to {@code batch} of the rows written before {@code cutoff}, the oldest first; returns how many. */
    public int delete(JdbcTemplate jdbc, Instant cutoff, int batch) {
        return jdbc.update("DELETE FROM %1$s WHERE (%2$s) IN (SELECT %2$s FROM %1$s WHERE %3$s < ? ORDER BY %3$s LIMIT ?"
                .formatted(table, key, age) + " FOR UPDATE SKIP LOCKED)", Timestamp.from(cutoff), batch);
    }

    /**
     * Runs {@code deleteBatch} until it deletes fewer than {@code batch} rows (none older is left), counting each
     * batch's rows as it goes; returns how many in all.
     */
    public static long deleteAll(int batch, IntSupplier deleteBatch, Counter forgotten) {
        long total = 0;
        int last;
        do {
            last = deleteBatch.getAsInt();
            forgotten.increment(last);
            total += last;
        } while (last == batch);
        return total;
    }
}

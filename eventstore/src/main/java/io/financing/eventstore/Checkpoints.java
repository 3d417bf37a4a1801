package io.financing.eventstore;

import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Where each named reader of all events has come to, kept in the store itself. */
public final class Checkpoints {

    private final JdbcTemplate jdbc;

    public Checkpoints(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** The reader's checkpoint, or {@link Checkpoint#START} for a reader that has saved none. */
    public Checkpoint load(String reader) {
        return jdbc.query("SELECT transaction_id, position FROM eventstore.checkpoints WHERE name = ?",
                        (rs, row) -> new Checkpoint(rs.getLong(1), rs.getLong(2)), reader)
                .stream().findFirst().orElse(Checkpoint.START);
    }

    public void save(String reader, Checkpoint checkpoint) {
        jdbc.update("""
                INSERT INTO eventstore.checkpoints (name, transaction_id, position) VALUES (?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET transaction_id = excluded.transaction_id, position = excluded.position
                """, reader, checkpoint.transactionId(), checkpoint.position());
    }

    /** How many stored events lie after the reader's checkpoint, committed or about to be. */
    public long lag(String reader) {
        Checkpoint checkpoint = load(reader);
        Long behind = jdbc.queryForObject("SELECT count(*) FROM eventstore.events WHERE "
                        + OrderedEventReader.AFTER_CHECKPOINT, Long.class,
                Long.toString(checkpoint.transactionId()), checkpoint.position());
        return behind == null ? 0 : behind;
    }
}

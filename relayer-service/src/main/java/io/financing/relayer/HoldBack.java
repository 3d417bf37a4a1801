package io.financing.relayer;

import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How long committed events have been held back by an older transaction still running (see
 * {@link io.financing.eventstore.OrderedEventReader}): 0 while the relay can read what has committed. Past a
 * threshold the log names the transaction to blame, by the application name and pid PostgreSQL knows it by,
 * once per hold-back, and says when the events are released.
 */
final class HoldBack {

    private static final Logger log = LoggerFactory.getLogger(HoldBack.class);

    /** The oldest transaction with an id still running, in any database of the cluster: the one holding back. */
    private static final String OLDEST_TRANSACTION = """
            SELECT coalesce(nullif(application_name, ''), '(no application name)') || ', pid ' || pid
                   || ', database ' || coalesce(datname, '-') || ', ' || coalesce(state, '-')
                   || ', running ' || round(extract(epoch FROM now() - xact_start)::numeric, 1) || ' s'
            FROM pg_stat_activity
            WHERE backend_xid IS NOT NULL
            ORDER BY age(backend_xid) DESC
            LIMIT 1
            """;

    private final String relay;
    private final Duration warnAfter;
    private volatile long since; // System.nanoTime() when the hold-back began; 0 when there is none
    private boolean warned;

    HoldBack(String relay, Duration warnAfter) {
        this.relay = relay;
        this.warnAfter = warnAfter;
    }

    /** The relay found events committed but held back; {@code session} is where it may ask who holds them. */
    void heldBack(DataSource session) {
        long now = System.nanoTime();
        if (since == 0) {
            since = now;
        } else if (!warned && now - since >= warnAfter.toNanos()) {
            warned = true;
            log.warn("Relay {}: committed events held back for {} s by an older transaction still running: {}",
                    relay, String.format("%.1f", seconds()), blame(session));
        }
    }

    /** The relay can read everything that has committed. */
    void released() {
        if (since != 0 && warned) {
            log.info("Relay {}: events released after {} s held back", relay, String.format("%.1f", seconds()));
        }
        since = 0;
        warned = false;
    }

    double seconds() {
        long began = since;
        return began == 0 ? 0 : (System.nanoTime() - began) / 1e9;
    }

    private static String blame(DataSource session) {
        try {
            List<String> oldest = new JdbcTemplate(session).queryForList(OLDEST_TRANSACTION, String.class);
            return oldest.isEmpty() ? "(it has ended)" : oldest.getFirst();
        } catch (RuntimeException e) {
            return "(pg_stat_activity could not be read: " + e.getMessage() + ")";
        }
    }
}

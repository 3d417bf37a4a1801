package io.financing.query.retention;

import io.financing.eventstore.ExpiredRows;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Forgets what the query side knows of commands decided longer ago than {@link CommandRetentionProperties#commands}:
 * their statuses ({@code command_statuses}) and the events they caused ({@code caused_events}), which would otherwise
 * grow with every command (about six rows a bid). Both go by age, the statuses first: a command's events all occur
 * after its outcome, so while any of them is left its status is either still there or already gone, never a status
 * left without its events, which WatchCommand would wait on for ever as unsettled. Every instance runs it; the
 * batches skip what another holds.
 */
@Component
public class CommandRetention {

    private static final Logger log = LoggerFactory.getLogger(CommandRetention.class);
    private static final ExpiredRows STATUSES = new ExpiredRows("command_statuses", "command_id", "decided_at");
    private static final ExpiredRows CAUSED_EVENTS =
            new ExpiredRows("caused_events", "correlation_id, position", "occurred_at");

    private final JdbcTemplate jdbc;
    private final CommandRetentionProperties retention;
    private final Clock clock;
    private final Counter statusesForgotten;
    private final Counter causedEventsForgotten;

    CommandRetention(JdbcTemplate jdbc, CommandRetentionProperties retention, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.clock = Clock.systemUTC();
        this.statusesForgotten = forgotten(meters, STATUSES);
        this.causedEventsForgotten = forgotten(meters, CAUSED_EVENTS);
    }

    private static Counter forgotten(MeterRegistry meters, ExpiredRows rows) {
        return Counter.builder("financing.retention.forgotten").tag("table", rows.table())
                .description("Rows forgotten, being older than the retention").register(meters);
    }

    /** One round: every expired status, then every expired caused event, a batch at a time; returns how many. */
    public long forgetExpired() {
        Instant cutoff = clock.instant().minus(retention.commands());
        long statuses = forget(STATUSES, statusesForgotten, cutoff);
        long events = forget(CAUSED_EVENTS, causedEventsForgotten, cutoff);
        if (statuses + events > 0) {
            log.info("Forgot {} command statuses and {} events they caused, of commands decided before {}", statuses,
                    events, cutoff);
        }
        return statuses + events;
    }

    private long forget(ExpiredRows rows, Counter forgotten, Instant cutoff) {
        return ExpiredRows.deleteAll(retention.batch(), () -> rows.delete(jdbc, cutoff, retention.batch()), forgotten);
    }
}

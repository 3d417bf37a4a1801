package io.financing.query.command;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which commands' progress changed, told through PostgreSQL's NOTIFY on the read-model database: the projections
 * announce it in their transaction, so a notice is delivered when the rows are committed and never before; every
 * instance of the query service that has a watch open listens, so a watch hears of what any instance projected.
 */
@Component
class ProgressNotices {

    private static final Logger log = LoggerFactory.getLogger(ProgressNotices.class);
    private static final String CHANNEL = "command_progress";
    /** A notice's payload must stay under PostgreSQL's 8,000 bytes: 200 ids of 36 characters and a comma. */
    private static final int IDS_PER_NOTICE = 200;
    private static final int WAIT_MILLIS = 500;

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final Duration reconnectInterval;
    private Thread listening;
    private volatile boolean stopped;

    ProgressNotices(JdbcTemplate jdbc, DataSource dataSource,
                    @Value("${financing.query.watch-reconnect-interval:1s}") Duration reconnectInterval) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.reconnectInterval = reconnectInterval;
    }

    /** Announces, in the current transaction, that the conversations' progress changed. */
    void announce(Collection<UUID> conversations) {
        List<String> notices = new ArrayList<>();
        List<UUID> ids = List.copyOf(conversations);
        for (int from = 0; from < ids.size(); from += IDS_PER_NOTICE) {
            notices.add(String.join(",", ids.subList(from, Math.min(ids.size(), from + IDS_PER_NOTICE))
                    .stream().map(UUID::toString).toList()));
        }
        jdbc.query("SELECT pg_notify(?, notice) FROM unnest(?) AS notice", statement -> {
            statement.setString(1, CHANNEL);
            statement.setArray(2, statement.getConnection().createArrayOf("text", notices.toArray()));
        }, row -> { });
    }

    /**
     * Starts listening, once, on a connection of its own: hands the ids of each notice to {@code heard}, and calls
     * {@code connected} each time it (re)connected, since what was announced while it was not listening is lost.
     */
    synchronized void listen(Consumer<List<UUID>> heard, Runnable connected) {
        if (listening == null && !stopped) {
            listening = Thread.ofPlatform().name("command-progress-notices").daemon().start(() -> {
                while (!stopped) {
                    listenUntilLost(heard, connected);
                }
            });
        }
    }

    private void listenUntilLost(Consumer<List<UUID>> heard, Runnable connected) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (var listen = connection.createStatement()) {
                listen.execute("LISTEN " + CHANNEL);
            }
            connected.run();
            PGConnection postgres = connection.unwrap(PGConnection.class);
            while (!stopped) {
                PGNotification[] notices = postgres.getNotifications(WAIT_MILLIS);
                for (PGNotification notice : notices == null ? new PGNotification[0] : notices) {
                    heard.accept(ids(notice.getParameter()));
                }
            }
        } catch (SQLException | RuntimeException e) {
            if (!stopped) {
                log.warn("Lost the connection that hears of commands' progress ({}); listening again in {}",
                        e.getMessage(), reconnectInterval);
                pause();
            }
        }
    }

    private static List<UUID> ids(String notice) {
        return notice.isEmpty() ? List.of() : Arrays.stream(notice.split(",")).map(UUID::fromString).toList();
    }

    private void pause() {
        try {
            Thread.sleep(reconnectInterval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    /** Stops listening, within half a second. */
    void stop() {
        stopped = true;
    }
}

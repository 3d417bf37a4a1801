package io.financing.eventstore;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * A wake-up call for readers of all events, sent by writers' {@link EventsStoredNotifier} after they
 * stored events. Holds one connection of its own while open.
 */
public final class EventNotifications implements AutoCloseable {

    static final String CHANNEL = "eventstore_events";

    private final Connection connection;
    private final PGConnection postgres;

    public EventNotifications(DataSource dataSource) {
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            postgres = connection.unwrap(PGConnection.class);
            try (var listen = connection.createStatement()) {
                listen.execute("LISTEN " + CHANNEL);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not listen for stored events", e);
        }
    }

    /**
     * Returns as soon as events were stored since the last call, or after {@code timeout}: a reader
     * polls on that rhythm anyway, since a notification says nothing of what it may read yet.
     */
    public void await(Duration timeout) {
        try {
            postgres.getNotifications((int) Math.max(1, timeout.toMillis()));
        } catch (SQLException e) {
            throw new IllegalStateException("Lost the connection that listens for stored events", e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.financing.eventstore;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether work failed because the database was away (PostgreSQL restarting, a connection cut), not because
 * of the work: such a failure passes, so a consumed message is retried until the database is back instead of
 * being dead-lettered (an accepted command must never be lost to an outage), and a query is answered
 * UNAVAILABLE, which tells its client to retry.
 */
public final class Outages {

    private Outages() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof ConnectException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLException sql && isConnectionLost(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 (connection exception) or 57P (the server shutting down, crashed, or starting). */
    private static boolean isConnectionLost(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }
}

package io.financing.service.messaging;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a message failed because the infrastructure was away (PostgreSQL restarting, a connection
 * cut), not because of the message: such a message is retried until the database is back, for as
 * long as that takes, instead of being dead-lettered after a few tries: an accepted command must
 * never be lost to an outage.
 */
final class Outages {

    private Outages() {
    }

    static boolean causedBy(Throwable failure) {
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

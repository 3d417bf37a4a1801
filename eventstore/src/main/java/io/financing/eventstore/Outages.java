package io.financing.eventstore;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether work failed because the database was away (PostgreSQL restarting, a connection cut), not because
 * of the work: such a failure passes, so a consumed message is retried until the database is back instead of
 * being dead-lettered (an accepted command must never be lost to an outage), and a query is answered
 * UNAVAILABLE, which tells its client to retry.
 */
public final class Outages {

    private Outages() {
    }

    /**
     * Whether {@code failure}, or one of its causes, is an outage. A commit or rollback that fails
     * ({@link TransactionSystemException}) is one: the transaction's own machinery failing is never the work's
     * fault, and it fails when the connection is gone: the pool closes a connection it finds broken, so the
     * rollback that follows the work's failure (or a failed commit) fails with a bare "Connection is closed",
     * which has no SQLSTATE to tell it by.
     */
    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof ConnectException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLException sql && isConnectionLost(sql.getSQLState())
                    || cause instanceof TransactionSystemException) {
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

package io.financing.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class OutagesTest {

    @Test
    void aServerShuttingDownOrAConnectionCutIsAnOutage() {
        assertThat(Outages.causedBy(sqlFailure("57P01"))).as("terminating connection due to administrator command").isTrue();
        assertThat(Outages.causedBy(sqlFailure("57P03"))).as("the database system is starting up").isTrue();
        assertThat(Outages.causedBy(sqlFailure("08006"))).as("connection failure").isTrue();
        assertThat(Outages.causedBy(new CannotCreateTransactionException("no connection"))).isTrue();
        assertThat(Outages.causedBy(new IllegalStateException(new CannotGetJdbcConnectionException("pool")))).isTrue();
    }

    @Test
    void aCommitOrRollbackThatFailsIsOne() {
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));

        assertThat(Outages.causedBy(new IllegalStateException(rollback))).isTrue();
    }

    @Test
    void aFailureOfTheMessageItselfIsNot() {
        assertThat(Outages.causedBy(sqlFailure("23505"))).as("unique violation").isFalse();
        assertThat(Outages.causedBy(new IllegalStateException("a bug"))).isFalse();
        assertThat(Outages.causedBy(new IllegalArgumentException("not JSON"))).isFalse();
    }

    private static RuntimeException sqlFailure(String state) {
        return new UncategorizedSQLException("append", "INSERT ...", new SQLException("failed", state));
    }
}

package io.financing.eventstore;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The conformance suite against the real PostgreSQL. */
class PostgresEventStoreTest extends EventStoreContract {

    private static HikariDataSource dataSource;
    private static EventStore store;

    @BeforeAll
    static void database() {
        dataSource = TestDatabase.fresh();
        store = new PostgresEventStore(dataSource);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Override
    EventStore store() {
        return store;
    }
}

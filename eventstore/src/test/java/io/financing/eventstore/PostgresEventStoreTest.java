package io.financing.eventstore;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The conformance suite against the real PostgreSQL. */
class PostgresEventStoreTest extends EventStoreContract {

    @RegisterExtension
    static final TestDatabase database = new TestDatabase();

    @Override
    EventStore store() {
        return database.store();
    }
}

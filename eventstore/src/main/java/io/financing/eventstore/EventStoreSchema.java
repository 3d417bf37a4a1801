package io.financing.eventstore;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates and upgrades the event store's tables, in their own schema with their own Flyway history,
 * apart from whatever the application migrates itself.
 */
public final class EventStoreSchema {

    public static final String SCHEMA = "eventstore";

    private EventStoreSchema() {
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .table("eventstore_schema_history")
                .locations("classpath:io/financing/eventstore/migration")
                .load()
                .migrate();
    }
}

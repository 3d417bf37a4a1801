package io.financing.eventstore;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates and upgrades the event store's tables, in their own schema with their own Flyway history,
 * apart from whatever the application migrates itself.
 */
public final class EventStoreSchema {

    public static final String SCHEMA = "eventstore";

    /**
     * What connections to the event store should run first (e.g. HikariCP's connectionInitSql): the
     * appends' single statement is cheap to run but not to plan, and PostgreSQL otherwise keeps
     * planning it anew on each execution. Measured: single-event appends about 15% faster.
     */
    public static final String RECOMMENDED_CONNECTION_INIT_SQL = "SET plan_cache_mode = force_generic_plan";

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

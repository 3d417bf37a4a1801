package io.financing.eventstore;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.financing.localstack.PostgresServer;
import io.financing.localstack.SharedInfrastructure;
import java.util.UUID;

/** A new, migrated database in the test JVM's shared PostgreSQL: tests that read all events see only theirs. */
final class TestDatabase {

    private TestDatabase() {
    }

    static HikariDataSource fresh() {
        PostgresServer postgres = SharedInfrastructure.get().postgres();
        String name = "eventstore_" + UUID.randomUUID().toString().replace("-", "");
        postgres.createDatabaseIfMissing(name);
        var config = new HikariConfig();
        config.setJdbcUrl(postgres.jdbcUrl(name));
        config.setUsername(PostgresServer.USER);
        config.setMaximumPoolSize(24);
        config.setConnectionInitSql(EventStoreSchema.RECOMMENDED_CONNECTION_INIT_SQL);
        var dataSource = new HikariDataSource(config);
        EventStoreSchema.migrate(dataSource);
        return dataSource;
    }
}

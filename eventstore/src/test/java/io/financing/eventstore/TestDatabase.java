package io.financing.eventstore;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.financing.localstack.PostgresServer;
import io.financing.localstack.SharedInfrastructure;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A new, migrated database in the test JVM's shared PostgreSQL for each test class that registers it
 * ({@code @RegisterExtension static final TestDatabase database = new TestDatabase();}): tests that
 * read all events see only their own.
 */
final class TestDatabase implements BeforeAllCallback, AfterAllCallback {

    private HikariDataSource dataSource;
    private PostgresEventStore store;

    @Override
    public void beforeAll(ExtensionContext context) {
        PostgresServer postgres = SharedInfrastructure.get().postgres();
        String name = "eventstore_" + UUID.randomUUID().toString().replace("-", "");
        postgres.createDatabaseIfMissing(name);
        var config = new HikariConfig();
        config.setJdbcUrl(postgres.jdbcUrl(name));
        config.setUsername(PostgresServer.USER);
        config.setMaximumPoolSize(24);
        config.setConnectionInitSql(EventStoreSchema.RECOMMENDED_CONNECTION_INIT_SQL);
        dataSource = new HikariDataSource(config);
        EventStoreSchema.migrate(dataSource);
        store = new PostgresEventStore(dataSource);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        dataSource.close();
    }

    HikariDataSource dataSource() {
        return dataSource;
    }

    PostgresEventStore store() {
        return store;
    }
}

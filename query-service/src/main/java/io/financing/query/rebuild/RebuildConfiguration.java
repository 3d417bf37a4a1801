package io.financing.query.rebuild;

import io.financing.query.QueryProperties;
import io.financing.query.projection.EventReader;
import io.financing.query.projection.Projector;
import javax.sql.DataSource;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code java -jar query-service.jar --spring.profiles.active=rebuild} (or {@code ./financing
 * rebuild-projections}): rebuilds the read models from the event store, shows its progress, and exits.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("financing.query.rebuild")
class RebuildConfiguration {

    @Bean
    Rebuild rebuild(DataSource readModel, QueryProperties properties, DataSourceProperties credentials,
                    Projector projector, EventReader reader) {
        var eventStore = new DriverManagerDataSource(properties.eventStoreUrl(), credentials.getUsername(),
                credentials.getPassword());
        return new Rebuild(readModel, eventStore, projector, reader);
    }

    @Bean
    ApplicationRunner rebuildAndExit(Rebuild rebuild, ApplicationContext context) {
        return arguments -> {
            rebuild.run();
            System.exit(SpringApplication.exit(context, () -> 0));
        };
    }
}

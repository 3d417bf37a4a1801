package io.financing.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Financing context: consumes commands, the Registering context's integration events and its own
 * domain events, and runs the aggregates against the PostgreSQL event store.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FinancingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(FinancingServiceApplication.class, args);
    }
}

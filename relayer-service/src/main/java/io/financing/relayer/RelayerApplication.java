package io.financing.relayer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The bridge from the event store to the event bus: every stored event on Kafka, in order, at least once. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RelayerApplication {

    public static void main(String[] args) {
        SpringApplication.run(RelayerApplication.class, args);
    }
}

package io.financing.console;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The console: the system live in a browser. It reads only what any client may: the events on
 * {@code financing.events}, the query service (WatchCommand too), the services' health and metrics, and one
 * aggregate's stream in the event store, read-only, as {@code ./financing inspect} reads it; and it acts only as
 * clients do, through the listener and {@code registering.events}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ConsoleApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConsoleApplication.class, args);
    }
}

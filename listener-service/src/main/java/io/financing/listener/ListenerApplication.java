package io.financing.listener;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The command side's front door: validates the format of commands, gives new invoices their ids,
 * enqueues each command durably on Kafka and answers at once. It never touches the event store.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ListenerApplication {

    public static void main(String[] args) {
        SpringApplication.run(ListenerApplication.class, args);
    }
}

package io.financing.console;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the console finds the system (application.yml; each overridable from the environment).
 *
 * @param commandsAddress  the listener's gRPC address, host:port ({@code FINANCING_COMMANDS_ADDR})
 * @param queriesAddress   the query service's gRPC address ({@code FINANCING_QUERIES_ADDR})
 * @param kafkaBootstrap   Kafka, for the live feed and for registering parties ({@code FINANCING_KAFKA_BOOTSTRAP})
 * @param eventsTopic      the domain events' topic
 * @param registeringTopic the Registering context's topic
 * @param services         each service's management address by name ({@code FINANCING_CONSOLE_SERVICES}:
 *                         {@code name=http://host:port,...}), asked for its health and metrics
 * @param scrapeInterval   how often those are asked
 * @param feedHistory      how many of each partition's latest events a page opening the feed is shown first
 * @param callTimeout      how long a call to the listener or the query service may take
 */
@ConfigurationProperties("financing.console")
public record ConsoleProperties(String commandsAddress, String queriesAddress, String kafkaBootstrap,
                                String eventsTopic, String registeringTopic, String services,
                                Duration scrapeInterval, int feedHistory, Duration callTimeout) {

    /** The services' management addresses by name, in the order given. */
    public Map<String, URI> managementAddresses() {
        Map<String, URI> addresses = new LinkedHashMap<>();
        Arrays.stream(services == null ? new String[0] : services.split(",")).map(String::strip)
                .filter(entry -> !entry.isEmpty()).forEach(entry -> {
                    int equals = entry.indexOf('=');
                    if (equals < 1) {
                        throw new IllegalArgumentException(
                                "FINANCING_CONSOLE_SERVICES takes name=http://host:port,..., not \"" + entry + "\"");
                    }
                    addresses.put(entry.substring(0, equals).strip(), URI.create(entry.substring(equals + 1).strip()));
                });
        return addresses;
    }
}

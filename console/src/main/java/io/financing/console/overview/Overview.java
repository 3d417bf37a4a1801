package io.financing.console.overview;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The system at a glance, as the live page shows it beside the feed.
 *
 * @param commandsPerSecond commands the listener accepted per second, since the reading before
 * @param outcomes          commands decided, by outcome (succeeded, rejected): all so far, and per second
 * @param relayLag          events stored but not yet published
 * @param projectionLag     events published but not yet in the read models, by read model
 * @param consumerLag       messages on Kafka not yet consumed by the services
 * @param services          each service's health, and what it said was not up
 * @param missing           the parts the console cannot reach now, in words
 */
public record Overview(Instant at, double commandsPerSecond, Map<String, Outcome> outcomes, double relayLag,
                       Map<String, Double> projectionLag, double consumerLag, double deadLetters,
                       List<ServiceHealth> services, List<String> missing) {

    public record Outcome(double total, double perSecond) {
    }

    public record ServiceHealth(String name, String health, List<String> partsDown) {
    }
}

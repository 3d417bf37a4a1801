package io.financing.service.messaging;

import io.financing.api.command.CommandMessage;
import io.financing.api.json.UnreadableMessageException;
import io.financing.eventstore.EventMetadata;
import io.financing.service.PolicyViolation;
import io.financing.service.outcome.CommandOutcomes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Commands from {@code financing.commands}: each is handled once, and its outcome (succeeded with its
 * events, or rejected with the reason) stored with its effects.
 */
@Component
class CommandConsumer {

    private final CommandDispatcher commands;
    private final CommandOutcomes outcomes;
    private final ExactlyOnce exactlyOnce;
    private final JsonMapper json;
    private final MeterRegistry meters;

    CommandConsumer(CommandDispatcher commands, CommandOutcomes outcomes, ExactlyOnce exactlyOnce, JsonMapper json,
                    MeterRegistry meters) {
        this.commands = commands;
        this.outcomes = outcomes;
        this.exactlyOnce = exactlyOnce;
        this.json = json;
        this.meters = meters;
    }

    /** Handles what one poll brought, in one transaction ({@link ExactlyOnce}). */
    @KafkaListener(topics = "${financing.topics.commands}", groupId = "financing-service-commands",
            concurrency = "${financing.consumers.concurrency}", batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        exactlyOnce.processAll(records, record -> {
            CommandMessage command = parse(record.value());
            return Optional.of(new ExactlyOnce.Delivery(
                    new ExactlyOnce.Message("commands", command.name(), command.commandId(), command.commandId()),
                    command.data().aggregateId(), metadata -> handle(command, metadata)));
        });
    }

    private void handle(CommandMessage command, EventMetadata metadata) {
        String outcome;
        try {
            outcomes.succeeded(command, commands.dispatch(command, metadata), metadata);
            outcome = "succeeded";
        } catch (PolicyViolation rejection) {
            outcomes.rejected(command, rejection.getMessage(), metadata);
            outcome = "rejected";
        }
        Counter outcomes = meters.counter("financing.command.outcomes", "command", command.name(), "outcome", outcome);
        // Counted once its batch commits: a batch that runs again would count it twice.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                outcomes.increment();
            }
        });
    }

    private CommandMessage parse(String value) {
        try {
            CommandMessage command = json.readValue(value, CommandMessage.class);
            if (command.commandId() == null || command.data() == null) {
                throw new UnreadableMessageException("A command needs a commandId, a name and data: " + value);
            }
            return command;
        } catch (JacksonException e) {
            throw new UnreadableMessageException("Not a command: " + e.getOriginalMessage(), e);
        }
    }
}

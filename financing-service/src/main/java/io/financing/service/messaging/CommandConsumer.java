package io.financing.service.messaging;

import io.financing.api.command.CommandMessage;
import io.financing.api.json.UnreadableMessageException;
import io.financing.service.PolicyViolation;
import io.financing.service.outcome.CommandOutcomes;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
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

    @KafkaListener(topics = "${financing.topics.commands}", groupId = "financing-service-commands",
            concurrency = "${financing.consumers.concurrency}")
    void on(String value) {
        CommandMessage command = parse(value);
        var message = new ExactlyOnce.Message("commands", command.name(), command.commandId(), command.commandId());
        var outcome = new AtomicReference<String>(); // set by the attempt that commits; by none for a redelivery
        exactlyOnce.process(message, metadata -> {
            try {
                outcomes.succeeded(command, commands.dispatch(command, metadata), metadata);
                outcome.set("succeeded");
            } catch (PolicyViolation rejection) {
                outcomes.rejected(command, rejection.getMessage(), metadata);
                outcome.set("rejected");
            }
        });
        if (outcome.get() != null) {
            meters.counter("financing.command.outcomes", "command", command.name(), "outcome", outcome.get()).increment();
        }
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

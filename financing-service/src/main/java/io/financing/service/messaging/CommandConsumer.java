package io.financing.service.messaging;

import io.financing.api.command.CommandMessage;
import io.financing.api.json.UnreadableMessageException;
import io.financing.eventstore.EventMetadata;
import io.financing.service.PolicyViolation;
import io.financing.service.outcome.CommandOutcomes;
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

    CommandConsumer(CommandDispatcher commands, CommandOutcomes outcomes, ExactlyOnce exactlyOnce, JsonMapper json) {
        this.commands = commands;
        this.outcomes = outcomes;
        this.exactlyOnce = exactlyOnce;
        this.json = json;
    }

    @KafkaListener(topics = "${financing.topics.commands}", groupId = "financing-service-commands",
            concurrency = "${financing.consumers.concurrency}")
    void on(String value) {
        CommandMessage command = parse(value);
        EventMetadata metadata = EventMetadata.causedBy(command.commandId());
        exactlyOnce.process("commands", command.commandId().toString(), () -> {
            try {
                outcomes.succeeded(command, commands.dispatch(command.data(), metadata));
            } catch (PolicyViolation rejection) {
                outcomes.rejected(command, rejection.getMessage());
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

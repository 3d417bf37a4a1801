package io.financing.service;

import io.financing.api.Money;
import io.financing.api.access.Caller;
import io.financing.api.command.Command;
import io.financing.api.command.CommandMessage;
import io.financing.api.json.EventJson;
import io.financing.eventstore.EventMetadata;
import io.financing.eventstore.StoredEvent;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The Financing context fed as Kafka feeds it, but with every liberty Kafka takes: each aggregate's
 * messages arrive in order, different aggregates' in any interleaving, and any message handled before
 * may come again at any later moment (a consumer that crashed before committing its offset). Messages
 * are handled once per consumer, as {@code ExactlyOnce} does with its table of processed messages; every
 * event stored is published, as the relay does, for the saga.
 */
final class Deliveries {

    /** A message on one of the topics the service consumes. */
    sealed interface Message {
        /** Which consumer handles it, and the id it recognises a redelivery by. */
        String consumerAndId();

        /** The partition key: the aggregate whose messages stay in order. */
        UUID key();
    }

    record IssuerRegistered(UUID eventId, UUID issuerId) implements Message {
        public String consumerAndId() {
            return "registering/" + eventId;
        }

        public UUID key() {
            return issuerId;
        }
    }

    record InvestorRegistered(UUID eventId, UUID investorId, Money balance) implements Message {
        public String consumerAndId() {
            return "registering/" + eventId;
        }

        public UUID key() {
            return investorId;
        }
    }

    record CommandSent(UUID commandId, Command command) implements Message {
        public String consumerAndId() {
            return "commands/" + commandId;
        }

        public UUID key() {
            return command.aggregateId();
        }
    }

    record EventPublished(StoredEvent event) implements Message {
        public String consumerAndId() {
            return "saga/" + event.eventId();
        }

        public UUID key() {
            return event.streamId();
        }

        @Override
        public String toString() {
            return "EventPublished[" + event.name() + " " + event.data() + "]";
        }
    }

    private final InMemoryFinancing financing;
    private final Map<UUID, Deque<Message>> partitions = new LinkedHashMap<>();
    private final List<Message> handled = new ArrayList<>();
    private final Set<String> processed = new HashSet<>();
    private long relayed;

    Deliveries(InMemoryFinancing financing) {
        this.financing = financing;
    }

    void publish(Message message) {
        partitions.computeIfAbsent(message.key(), key -> new ArrayDeque<>()).add(message);
    }

    /** Delivers the next message of one of the partitions that have any: which one, {@code pick} decides. */
    void deliverNext(int pick) {
        List<Deque<Message>> waiting = partitions.values().stream().filter(queue -> !queue.isEmpty()).toList();
        if (!waiting.isEmpty()) {
            deliver(waiting.get(pick % waiting.size()).poll());
        }
    }

    /** Delivers again a message handled before: which one, {@code pick} decides. */
    void redeliver(int pick) {
        if (!handled.isEmpty()) {
            deliver(handled.get(pick % handled.size()));
        }
    }

    /** Delivers everything still waiting, and everything that follows from it: the system settles. */
    void drain() {
        while (partitions.values().stream().anyMatch(queue -> !queue.isEmpty())) {
            deliverNext(0);
        }
    }

    private void deliver(Message message) {
        handled.add(message);
        if (processed.add(message.consumerAndId())) {
            try {
                handle(message);
            } catch (PolicyViolation rejected) {
                // The command's outcome is REJECTED; it changed nothing.
            }
            relay();
        }
    }

    private void handle(Message message) {
        if (message instanceof IssuerRegistered registered) {
            financing.registeringIssuer.handle(registered.issuerId(), EventMetadata.causedBy(registered.eventId()));
        } else if (message instanceof InvestorRegistered registered) {
            financing.registeringInvestor.handle(registered.investorId(), registered.balance(),
                    EventMetadata.causedBy(registered.eventId()));
        } else if (message instanceof CommandSent sent) {
            financing.commands.dispatch(CommandMessage.of(sent.commandId(), Instant.EPOCH, Caller.ANYONE, sent.command()),
                    EventMetadata.causedBy(sent.commandId()));
        } else if (message instanceof EventPublished published) {
            StoredEvent event = published.event();
            EventJson.readStored(event.name(), event.data()).flatMap(financing.saga::stepFor)
                    .ifPresent(step -> step.run(event.metadata().causedNext(event.eventId())));
        }
    }

    private void relay() {
        financing.store.all().stream().filter(event -> event.position() > relayed).forEach(event -> {
            relayed = event.position();
            publish(new EventPublished(event));
        });
    }
}

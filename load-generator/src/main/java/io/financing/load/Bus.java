package io.financing.load;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Watches {@code financing.events} from the moment it starts, noting when each command's events
 * arrive (events carry the command's id as their correlation id) and how often each invoice is
 * financed.
 */
final class Bus implements AutoCloseable {

    /** When the events that end a command's story arrived, by command id (nanoTime). */
    final Map<String, Long> invoiceCreated = new ConcurrentHashMap<>();
    final Map<String, Long> invoiceFinanced = new ConcurrentHashMap<>();
    final Map<String, Long> fundsReleased = new ConcurrentHashMap<>();
    /** How many InvoiceFinanced each invoice had, and to which investor the last went. */
    final Map<String, Integer> financings = new ConcurrentHashMap<>();
    final Map<String, String> winners = new ConcurrentHashMap<>();

    private static final Set<String> WATCHED = Set.of("InvoiceCreated", "InvoiceFinanced", "InvestorFundsReleased");

    private final KafkaConsumer<String, String> consumer;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Thread thread;
    private volatile boolean running = true;

    Bus(String bootstrap) {
        consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap, "group.id", "load-" + UUID.randomUUID(),
                "auto.offset.reset", "latest", "enable.auto.commit", false, "fetch.max.wait.ms", 5),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of("financing.events"));
        while (consumer.assignment().isEmpty()) { // from now on, nothing published escapes it
            consumer.poll(Duration.ofMillis(100)).forEach(this::note);
        }
        consumer.assignment().forEach(consumer::position);
        thread = new Thread(this::watch, "bus");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        while (running) {
            consumer.poll(Duration.ofMillis(20)).forEach(this::note);
        }
        consumer.close();
    }

    private void note(ConsumerRecord<String, String> record) {
        long now = System.nanoTime();
        if (!WATCHED.contains(nameOf(record.value()))) {
            return;
        }
        JsonNode event = json.readTree(record.value());
        String command = event.path("correlationId").asString();
        switch (event.path("name").asString()) {
            case "InvoiceCreated" -> invoiceCreated.putIfAbsent(command, now);
            case "InvoiceFinanced" -> {
                invoiceFinanced.putIfAbsent(command, now);
                String invoice = event.path("aggregateId").asString();
                financings.merge(invoice, 1, Integer::sum);
                winners.put(invoice, event.path("data").path("bid").path("investorId").asString());
            }
            case "InvestorFundsReleased" -> fundsReleased.putIfAbsent(command, now);
            default -> {
            }
        }
    }

    /**
     * The event's name, read without parsing the rest: most events on the bus are none of the bench's
     * business, and the bench shares the machine with what it measures.
     */
    private String nameOf(String envelope) {
        try (JsonParser parser = json.createParser(envelope)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("name")) {
                    return parser.getString();
                }
                parser.skipChildren();
            }
            return "";
        }
    }

    /** When the bid settled: its invoice financed by it, or its funds released. */
    Long settledAt(String bidCommand) {
        Long financed = invoiceFinanced.get(bidCommand);
        return financed != null ? financed : fundsReleased.get(bidCommand);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}

package io.financing.load;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Watches {@code financing.events} from the moment it starts, noting when each command's events
 * arrive (events carry the command's id as their correlation id), how often each invoice is financed,
 * and what the invariants are checked against: the bids placed, rejected and released, the decisions
 * on financed invoices. An event published again (the relay delivers at least once) counts once.
 */
final class Bus implements AutoCloseable {

    /** When the events that end a command's story arrived, by command id (nanoTime). */
    final Map<String, Long> invoiceCreated = new ConcurrentHashMap<>();
    final Map<String, Long> invoiceFinanced = new ConcurrentHashMap<>();
    final Map<String, Long> fundsReleased = new ConcurrentHashMap<>();
    /** How many InvoiceFinanced each invoice had, and the winning bid of the last. */
    final Map<String, Integer> financings = new ConcurrentHashMap<>();
    final Map<String, Bid> winningBids = new ConcurrentHashMap<>();
    /** The bids placed (BidOnInvoicePlaced), by invoice. */
    final Map<String, Set<Bid>> placedBids = new ConcurrentHashMap<>();
    /** By bid command: the amount its invoice rejected, and all the investor was released for it. */
    final Map<String, BigDecimal> rejected = new ConcurrentHashMap<>();
    final Map<String, BigDecimal> released = new ConcurrentHashMap<>();
    /** Invoices approved or reversed: "InvoiceApproved" or "InvoiceReversed", by invoice id. */
    final Map<String, String> decisions = new ConcurrentHashMap<>();

    private static final String TOPIC = "financing.events";
    private static final Set<String> WATCHED = Set.of("InvoiceCreated", "InvoiceFinanced", "InvestorFundsReleased",
            "BidOnInvoicePlaced", "BidOnInvoiceRejected", "InvoiceApproved", "InvoiceReversed");

    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Consumer<String> onFinanced;
    private final KafkaConsumer<String, String> consumer;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Thread thread;
    private volatile boolean running = true;

    /** @param onFinanced told the id of each invoice financed, once */
    Bus(String bootstrap, Consumer<String> onFinanced) {
        this.onFinanced = onFinanced;
        consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap, "fetch.max.wait.ms", 5),
                new StringDeserializer(), new StringDeserializer());
        // Every partition assigned here, not through a consumer group: a group that rebalances (as when the
        // broker restarts) would start again from "latest", and never see what was published in between.
        List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                .map(partition -> new TopicPartition(TOPIC, partition.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // from now on, nothing published escapes it
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
        if (!seen.add(event.path("eventId").asString())) {
            return;
        }
        String command = event.path("correlationId").asString();
        String aggregate = event.path("aggregateId").asString();
        JsonNode data = event.path("data");
        switch (event.path("name").asString()) {
            case "InvoiceCreated" -> invoiceCreated.putIfAbsent(command, now);
            case "BidOnInvoicePlaced" -> placedBids.computeIfAbsent(data.path("invoiceId").asString(),
                    invoice -> ConcurrentHashMap.newKeySet()).add(new Bid(aggregate, data.path("bidAmount")));
            case "InvoiceFinanced" -> {
                invoiceFinanced.putIfAbsent(command, now);
                financings.merge(aggregate, 1, Integer::sum);
                winningBids.put(aggregate, new Bid(data.path("bid").path("investorId").asString(),
                        data.path("bid").path("amount")));
                onFinanced.accept(aggregate);
            }
            case "BidOnInvoiceRejected" -> rejected.put(command, new BigDecimal(data.path("bid").path("amount").asString()));
            case "InvestorFundsReleased" -> {
                fundsReleased.putIfAbsent(command, now);
                released.merge(command, new BigDecimal(data.path("amount").asString()), BigDecimal::add);
            }
            case "InvoiceApproved", "InvoiceReversed" -> decisions.put(aggregate, event.path("name").asString());
            default -> {
            }
        }
    }

    /** A bid: who offered how much; "100", "100.0" and "100.00" are the same amount. */
    record Bid(String investorId, BigDecimal amount) {

        Bid {
            amount = amount.stripTrailingZeros();
        }

        Bid(String investorId, JsonNode amount) {
            this(investorId, new BigDecimal(amount.asString()));
        }

        @Override
        public String toString() {
            return investorId + " " + amount.toPlainString();
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

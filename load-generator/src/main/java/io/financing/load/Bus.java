package io.financing.load;

import io.financing.api.Money;
import io.financing.api.event.EventEnvelope;
import io.financing.api.event.EventNames;
import io.financing.api.event.InvestorEvent.BidOnInvoicePlaced;
import io.financing.api.event.InvestorEvent.InvestorFundsReleased;
import io.financing.api.event.InvoiceEvent.BidOnInvoiceRejected;
import io.financing.api.event.InvoiceEvent.InvoiceApproved;
import io.financing.api.event.InvoiceEvent.InvoiceCreated;
import io.financing.api.event.InvoiceEvent.InvoiceFinanced;
import io.financing.api.event.InvoiceEvent.InvoiceReversed;
import io.financing.api.json.EventJson;
import io.financing.api.v1.InvoiceStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

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
    /** Invoices approved or reversed: APPROVED or REVERSED, by invoice id. */
    final Map<String, InvoiceStatus> decisions = new ConcurrentHashMap<>();

    private static final String TOPIC = "financing.events";
    private static final Set<String> WATCHED = Stream.of(InvoiceCreated.class, InvoiceFinanced.class,
            InvestorFundsReleased.class, BidOnInvoicePlaced.class, BidOnInvoiceRejected.class, InvoiceApproved.class,
            InvoiceReversed.class).map(EventNames::nameOf).collect(Collectors.toUnmodifiableSet());

    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Consumer<String> onFinanced;
    private final ReadModelProgress readModels;
    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param onFinanced told the id of each invoice financed, once
     * @param readModels told where each InvoiceFinanced is, to learn when the query service shows it
     */
    Bus(String bootstrap, Consumer<String> onFinanced, ReadModelProgress readModels) {
        this.onFinanced = onFinanced;
        this.readModels = readModels;
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
        if (!WATCHED.contains(EventJson.nameOf(record.value()))) {
            return;
        }
        EventJson.Published published = EventJson.readPublished(record.value());
        EventEnvelope envelope = published.envelope();
        if (!seen.add(envelope.eventId().toString())) {
            return;
        }
        String command = envelope.correlationId().toString();
        String aggregate = envelope.aggregateId().toString();
        switch (published.event().orElseThrow()) {
            case InvoiceCreated created -> invoiceCreated.putIfAbsent(command, now);
            case BidOnInvoicePlaced placed -> placedBids.computeIfAbsent(placed.invoiceId().toString(),
                    invoice -> ConcurrentHashMap.newKeySet()).add(new Bid(aggregate, placed.bidAmount()));
            case InvoiceFinanced financed -> {
                invoiceFinanced.putIfAbsent(command, now);
                readModels.financed(record.partition(), record.offset(), command);
                financings.merge(aggregate, 1, Integer::sum);
                winningBids.put(aggregate, new Bid(financed.bid().investorId().toString(), financed.bid().amount()));
                onFinanced.accept(aggregate);
            }
            case BidOnInvoiceRejected bid -> rejected.put(command, bid.bid().amount().amount());
            case InvestorFundsReleased release -> {
                fundsReleased.putIfAbsent(command, now);
                released.merge(command, release.amount().amount(), BigDecimal::add);
            }
            case InvoiceApproved approved -> decisions.put(aggregate, InvoiceStatus.APPROVED);
            case InvoiceReversed reversed -> decisions.put(aggregate, InvoiceStatus.REVERSED);
            default -> {
            }
        }
    }

    /** A bid: who offered how much; "100", "100.0" and "100.00" are the same amount. */
    record Bid(String investorId, BigDecimal amount) {

        Bid {
            amount = amount.stripTrailingZeros();
        }

        Bid(String investorId, Money amount) {
            this(investorId, amount.amount());
        }

        @Override
        public String toString() {
            return investorId + " " + amount.toPlainString();
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

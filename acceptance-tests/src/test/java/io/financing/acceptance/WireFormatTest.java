package io.financing.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.financing.api.v1.ApproveFinancingCommand;
import io.financing.api.v1.BidOnInvoiceCommand;
import io.financing.api.v1.CommandsGrpc;
import io.financing.api.v1.Money;
import io.financing.api.v1.ReverseFinancingCommand;
import io.financing.api.v1.SellInvoiceCommand;
import io.financing.localstack.Topics;
import io.financing.populate.RegisteringPublisher;
import io.financing.populate.Registration;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The messages on the wire, byte for byte: every kind of message on the three topics, recorded from the system
 * as it was when this test was written (the files in {@code src/test/resources/wire/}), must come out the same.
 * Only what differs from run to run is replaced before comparing: the ids of this run (by their role, so that
 * which id goes where is kept), other ids, positions and times. A kind whose file is missing is recorded and the
 * test fails, so that a new file is never taken for granted.
 */
class WireFormatTest {

    private static final Path GOLDEN = Path.of("src/test/resources/wire");
    private static final Duration SETTLING = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, String> roles = new LinkedHashMap<>();
    private SystemUnderTest system;
    private ManagedChannel channel;
    private CommandsGrpc.CommandsBlockingStub commands;

    @BeforeEach
    void connect() throws Exception {
        system = SystemUnderTest.get();
        channel = system.commandsChannel();
        commands = CommandsGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void disconnect() {
        channel.shutdownNow();
    }

    @Test
    void everyKindOfMessageOnTheWireIsWhatItWas() throws Exception {
        UUID issuer = role("issuer");
        UUID ann = role("investor-ann");
        UUID bob = role("investor-bob");
        register(new Registration.Issuer(issuer, "ACME"), new Registration.Investor(ann, "Ann", new BigDecimal("1000")),
                new Registration.Investor(bob, "Bob", new BigDecimal("100")));
        awaitEvents(bob, "InvestorCreated", "InvestorFundsAdded");
        awaitEvents(issuer, "IssuerCreated");

        UUID financed = sell("invoice-financed", "sell-command", issuer);
        bid("bid-command", ann, financed, "150");
        awaitEvents(ann, "InvestorCreated", "InvestorFundsAdded", "BidOnInvoicePlaced", "InvestorFundsReleased");
        bid("late-bid-command", bob, financed, "100");
        awaitEvents(bob, "InvestorCreated", "InvestorFundsAdded", "BidOnInvoicePlaced", "InvestorFundsReleased");
        commands.approveFinancing(ApproveFinancingCommand.newBuilder().setInvoiceId(id(financed))
                .setCommandId(role("approve-command").toString()).build());
        awaitEvents(ann, "InvestorCreated", "InvestorFundsAdded", "BidOnInvoicePlaced", "InvestorFundsReleased",
                "InvestorFundsCommitted");

        UUID reversed = sell("invoice-reversed", "second-sell-command", issuer);
        bid("second-bid-command", ann, reversed, "100");
        awaitEvents(reversed, "InvoiceCreated", "InvoiceFinanced");
        commands.reverseFinancing(ReverseFinancingCommand.newBuilder().setInvoiceId(id(reversed))
                .setCommandId(role("reverse-command").toString()).build());
        awaitEvents(reversed, "InvoiceCreated", "InvoiceFinanced", "InvoiceReversed");
        UUID rejected = role("rejected-command");
        commands.bidOnInvoice(BidOnInvoiceCommand.newBuilder().setInvestorId(id(role("nobody")))
                .setInvoiceId(id(reversed)).setBid(money("1")).setCommandId(rejected.toString()).build());
        awaitEvents(rejected, "CommandRejected");

        List<Kind> kinds = List.of(
                new Kind("registering.events", issuer, "IssuerRegistered"),
                new Kind("registering.events", ann, "InvestorRegistered"),
                new Kind("financing.commands", financed, "SellInvoice"),
                new Kind("financing.commands", ann, "BidOnInvoice"),
                new Kind("financing.commands", financed, "ApproveFinancing"),
                new Kind("financing.commands", reversed, "ReverseFinancing"),
                new Kind("financing.events", issuer, "IssuerCreated"),
                new Kind("financing.events", ann, "InvestorCreated"),
                new Kind("financing.events", ann, "InvestorFundsAdded"),
                new Kind("financing.events", ann, "BidOnInvoicePlaced"),
                new Kind("financing.events", ann, "InvestorFundsReleased"),
                new Kind("financing.events", ann, "InvestorFundsCommitted"),
                new Kind("financing.events", financed, "InvoiceCreated"),
                new Kind("financing.events", financed, "InvoiceFinanced"),
                new Kind("financing.events", financed, "BidOnInvoiceRejected"),
                new Kind("financing.events", financed, "InvoiceApproved"),
                new Kind("financing.events", reversed, "InvoiceReversed"),
                new Kind("financing.events", UUID.fromString(roles.get("sell-command")), "CommandSucceeded"),
                new Kind("financing.events", rejected, "CommandRejected"));
        Map<String, List<ConsumerRecord<String, String>>> topics = new LinkedHashMap<>();
        kinds.forEach(kind -> topics.computeIfAbsent(kind.topic(), topic -> Topics.readAll(system.kafka(), topic)));

        List<String> recorded = new ArrayList<>();
        for (Kind kind : kinds) {
            Path golden = GOLDEN.resolve(kind.topic()).resolve(kind.name() + ".json");
            String normalised = normalise(kind.firstIn(topics.get(kind.topic()))) + "\n";
            if (Files.exists(golden)) {
                assertThat(normalised).as("%s on %s", kind.name(), kind.topic()).isEqualTo(read(golden));
            } else {
                write(golden, normalised);
                recorded.add(kind.topic() + "/" + kind.name());
            }
        }
        assertThat(recorded).as("kinds recorded now, in %s: check them, then run again", GOLDEN).isEmpty();
    }

    /** A kind of message: the first one of that name about that aggregate, in the order sent (one partition). */
    private record Kind(String topic, UUID key, String name) {

        String firstIn(List<ConsumerRecord<String, String>> records) {
            return records.stream()
                    .filter(record -> record.key().equals(key.toString()))
                    .map(ConsumerRecord::value)
                    .filter(value -> name.equals(JSON.readTree(value).path("name").asString()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + name + " about " + key + " on " + topic));
        }
    }
    /** The message as sent, with this run's values replaced by what they stand for. */
    private String normalise(String message) {
        String text = message;
        for (var role : roles.entrySet()) {
            text = text.replace(role.getValue(), "<" + role.getKey() + ">");
        }
        return text.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<uuid>")
                .replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z", "<time>")
                .replaceAll("\"position\":\\d+", "\"position\":<position>");
    }

    private void awaitEvents(UUID aggregate, String... names) {
        var bus = new EventBus(system.kafka());
        await().atMost(SETTLING).pollInterval(Duration.ofMillis(500)).until(() -> bus.names(aggregate.toString()).equals(List.of(names)));
    }

    private UUID role(String name) {
        UUID id = UUID.randomUUID();
        roles.put(name, id.toString());
        return id;
    }

    private UUID sell(String invoiceRole, String commandRole, UUID issuer) {
        String invoice = commands.sellInvoice(SellInvoiceCommand.newBuilder().setIssuerId(id(issuer))
                .setAskingPrice(money("100")).setCommandId(role(commandRole).toString()).build())
                .getInvoiceId().getValue();
        roles.put(invoiceRole, invoice);
        UUID id = UUID.fromString(invoice);
        awaitEvents(id, "InvoiceCreated");
        return id;
    }

    private void bid(String commandRole, UUID investor, UUID invoice, String amount) {
        commands.bidOnInvoice(BidOnInvoiceCommand.newBuilder().setInvestorId(id(investor))
                .setInvoiceId(id(invoice)).setBid(money(amount)).setCommandId(role(commandRole).toString()).build());
    }

    private void register(Registration... parties) throws Exception {
        try (var publisher = new RegisteringPublisher(system.kafka(), "registering.events")) {
            publisher.publish(List.of(parties));
        }
    }

    private static io.financing.api.v1.UUID id(UUID id) {
        return io.financing.api.v1.UUID.newBuilder().setValue(id.toString()).build();
    }

    private static Money money(String amount) {
        return Money.newBuilder().setAmount(amount).build();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

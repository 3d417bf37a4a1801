package io.financing.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.financing.api.access.Caller;
import io.financing.api.v1.CausedEvent;
import io.financing.api.v1.CommandProgress;
import io.financing.api.v1.CommandStatus;
import io.financing.api.v1.CommandStatusRequest;
import io.financing.api.v1.InvoiceStatus;
import io.financing.api.v1.QueriesGrpc;
import io.financing.eventstore.EventMetadata;
import io.financing.eventstore.StoredEvent;
import io.financing.grpc.edge.ClientChannels;
import io.financing.localstack.SharedInfrastructure;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.financing.query.retention.CommandRetention;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcPort;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * WatchCommand: given a command watched, when the events it causes are projected one saga step after another,
 * then a progress message for each step, settled only once no step is still to come, and the stream completes.
 */
@SpringBootTest(properties = "spring.grpc.server.port=0")
class CommandWatchTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EventsOnTheBus.infrastructure(registry);
    }

    @LocalGrpcPort
    int port;
    @Autowired
    MeterRegistry meters;
    @Autowired
    CommandRetention retention;
    @Autowired
    JdbcTemplate readModel;

    private final List<ManagedChannel> channels = new ArrayList<>();
    private final UUID command = UUID.randomUUID();
    private final UUID ann = UUID.randomUUID();
    private final UUID invoice = UUID.randomUUID();
    private final UUID issuer = UUID.randomUUID();

    /** Ann, with money, and an invoice on sale, in conversations of their own: the commands watched come after. */
    @BeforeEach
    void annAndAnInvoice() {
        EventsOnTheBus.append("Investor", ann, "InvestorCreated", "{\"investorId\":\"%s\"}".formatted(ann),
                EventMetadata.causedBy(UUID.randomUUID()));
        EventsOnTheBus.append("Investor", ann, "InvestorFundsAdded",
                "{\"investorId\":\"%s\",\"amount\":\"100.00\"}".formatted(ann), EventMetadata.causedBy(UUID.randomUUID()));
        onSale(invoice);
    }

    private void onSale(UUID id) {
        EventsOnTheBus.append("Invoice", id, "InvoiceCreated", "{\"invoiceId\":\"%s\",\"issuerId\":\"%s\",\"askingPrice\":\"10.00\"}"
                .formatted(id, issuer), EventMetadata.causedBy(UUID.randomUUID()));
    }

    @AfterEach
    void closeChannels() {
        channels.forEach(ManagedChannel::shutdownNow);
    }

    @Test
    void aSaleIsSettledOnceItsInvoiceIsCreated() {
        Iterator<CommandProgress> progress = watch(Caller.issuer(issuer));
        assertThat(progress.next()).isEqualTo(unknown());
        UUID sold = UUID.randomUUID();

        StoredEvent created = causedByTheCommand("Invoice", sold, "InvoiceCreated",
                "{\"invoiceId\":\"%s\",\"issuerId\":\"%s\",\"askingPrice\":\"10.00\"}".formatted(sold, issuer));
        succeeded("SellInvoice", Caller.issuer(issuer), created);

        CommandProgress settled = untilSettled(progress);
        assertThat(settled.getStatus().getState()).isEqualTo(CommandStatus.State.SUCCEEDED);
        assertThat(settled.getEventsList()).containsExactly(caused(created));
        assertThat(progress.hasNext()).as("the stream completes once settled").isFalse();
    }

    @Test
    void aBidAboveTheAskingPriceIsSettledOnlyOnceItsExcessIsReleased() {
        Iterator<CommandProgress> progress = watch(Caller.investor(ann));
        progress.next();
        StoredEvent placed = causedByTheCommand("Investor", ann, "BidOnInvoicePlaced",
                "{\"investorId\":\"%s\",\"invoiceId\":\"%s\",\"bidAmount\":\"25.00\"}".formatted(ann, invoice));
        succeeded("BidOnInvoice", Caller.investor(ann), placed);
        assertThat(until(progress, 1)).matches(now -> !now.getSettled(), "a step is still to come");

        StoredEvent financed = next(placed, "Invoice", invoice, "InvoiceFinanced", decision("25.00"));
        assertThat(until(progress, 2)).matches(now -> !now.getSettled(), "the excess is still to be released");
        StoredEvent released = next(financed, "Investor", ann, "InvestorFundsReleased",
                "{\"investorId\":\"%s\",\"amount\":\"15.00\"}".formatted(ann));

        CommandProgress settled = untilSettled(progress);
        assertThat(settled.getEventsList()).containsExactly(caused(placed), caused(financed), caused(released));
        assertThat(progress.hasNext()).isFalse();
    }

    @Test
    void aBidAtTheAskingPriceIsSettledOnceTheInvoiceIsFinanced() {
        Iterator<CommandProgress> progress = watch(Caller.investor(ann));
        StoredEvent placed = causedByTheCommand("Investor", ann, "BidOnInvoicePlaced",
                "{\"investorId\":\"%s\",\"invoiceId\":\"%s\",\"bidAmount\":\"10.00\"}".formatted(ann, invoice));
        succeeded("BidOnInvoice", Caller.investor(ann), placed);
        StoredEvent financed = next(placed, "Invoice", invoice, "InvoiceFinanced", decision("10.00"));

        assertThat(untilSettled(progress).getEventsList()).containsExactly(caused(placed), caused(financed));
    }

    /** The invoice's partition ran ahead of the investor's: the step waits to be listed until what it answered is. */
    @Test
    void aStepProjectedBeforeTheEventItAnsweredIsListedOnlyAfterIt() {
        Iterator<CommandProgress> progress = watch(Caller.investor(ann));
        StoredEvent placed = EventsOnTheBus.store("Investor", ann, "BidOnInvoicePlaced",
                "{\"investorId\":\"%s\",\"invoiceId\":\"%s\",\"bidAmount\":\"10.00\"}".formatted(ann, invoice),
                EventMetadata.causedBy(command)).getFirst();
        succeeded("BidOnInvoice", Caller.investor(ann), placed);
        StoredEvent financed = next(placed, "Invoice", invoice, "InvoiceFinanced", decision("10.00"));
        var financedShown = QueriesGrpc.newBlockingStub(channel(ClientChannels.plaintext()
                .withToken(SharedInfrastructure.get().identity().token(Caller.operator("support")))));
        await().atMost(Duration.ofSeconds(30)).until(() -> financedShown.getInvoice(io.financing.api.v1.UUID.newBuilder()
                .setValue(invoice.toString()).build()).getStatus() == InvoiceStatus.FINANCED);
        assertThat(until(progress, now -> now.getStatus().getState() == CommandStatus.State.SUCCEEDED)
                .getEventsList()).isEmpty();

        EventsOnTheBus.publish(placed);

        CommandProgress settled = untilSettled(progress);
        assertThat(settled.getEventsList()).containsExactly(caused(placed), caused(financed));
    }

    @Test
    void aRejectedBidIsReleasedInFullBeforeItIsSettled() {
        Iterator<CommandProgress> progress = watch(Caller.investor(ann));
        StoredEvent placed = causedByTheCommand("Investor", ann, "BidOnInvoicePlaced",
                "{\"investorId\":\"%s\",\"invoiceId\":\"%s\",\"bidAmount\":\"5.00\"}".formatted(ann, invoice));
        succeeded("BidOnInvoice", Caller.investor(ann), placed);
        StoredEvent rejected = next(placed, "Invoice", invoice, "BidOnInvoiceRejected",
                "{\"invoiceId\":\"%s\",\"bid\":{\"investorId\":\"%s\",\"amount\":\"5.00\"}}".formatted(invoice, ann));
        assertThat(until(progress, 2).getSettled()).isFalse();
        StoredEvent released = next(rejected, "Investor", ann, "InvestorFundsReleased",
                "{\"investorId\":\"%s\",\"amount\":\"5.00\"}".formatted(ann));

        assertThat(untilSettled(progress).getEventsList()).containsExactly(caused(placed), caused(rejected), caused(released));
    }

    @Test
    void anApprovalIsSettledOnceTheFundsAreCommittedAndAReversalOnceTheyAreReleased() {
        UUID reversal = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        onSale(second);
        EventsOnTheBus.append("Investor", ann, "BidOnInvoicePlaced", // the two winning bids' money, reserved
                "{\"investorId\":\"%s\",\"invoiceId\":\"%s\",\"bidAmount\":\"20.00\"}".formatted(ann, invoice),
                EventMetadata.causedBy(UUID.randomUUID()));
        Iterator<CommandProgress> approving = watch(command, Caller.issuer(issuer));
        Iterator<CommandProgress> reversing = watch(reversal, Caller.issuer(issuer));
        StoredEvent approved = causedBy(command, "Invoice", invoice, "InvoiceApproved", decision("10.00"));
        succeeded(command, "ApproveFinancing", Caller.issuer(issuer), approved);
        StoredEvent reversed = causedBy(reversal, "Invoice", second, "InvoiceReversed", decision("10.00"));
        succeeded(reversal, "ReverseFinancing", Caller.issuer(issuer), reversed);
        assertThat(until(approving, 1).getSettled()).isFalse();
        assertThat(until(reversing, 1).getSettled()).isFalse();

        StoredEvent committed = next(approved, "Investor", ann, "InvestorFundsCommitted",
                "{\"investorId\":\"%s\",\"amount\":\"10.00\"}".formatted(ann));
        StoredEvent released = next(reversed, "Investor", ann, "InvestorFundsReleased",
                "{\"investorId\":\"%s\",\"amount\":\"10.00\"}".formatted(ann));

        assertThat(untilSettled(approving).getEventsList()).containsExactly(caused(approved), caused(committed));
        assertThat(untilSettled(reversing).getEventsList()).containsExactly(caused(reversed), caused(released));
    }

    @Test
    void aRejectedCommandIsSettledAtOnceWithItsReason() {
        Iterator<CommandProgress> progress = watch(Caller.issuer(issuer));
        EventsOnTheBus.append("Command", command, "CommandRejected", ("{\"commandId\":\"%s\",\"command\":\"SellInvoice\","
                + "\"issuedBy\":%s,\"reason\":\"Issuer x is not registered\"}").formatted(command, json(Caller.issuer(issuer))),
                EventMetadata.causedBy(command));

        CommandProgress settled = untilSettled(progress);
        assertThat(settled.getStatus().getState()).isEqualTo(CommandStatus.State.REJECTED);
        assertThat(settled.getStatus().getReason()).isEqualTo("Issuer x is not registered");
        assertThat(settled.getEventsList()).isEmpty();
        assertThat(progress.hasNext()).isFalse();
    }

    @Test
    void anotherPartyIsToldNothingAndRefusedOnceTheCommandIsKnownToBeNotTheirs() {
        Iterator<CommandProgress> asBob = watch(Caller.investor(UUID.randomUUID()));
        assertThat(asBob.next()).isEqualTo(unknown());

        StoredEvent placed = causedByTheCommand("Investor", ann, "BidOnInvoicePlaced",
                "{\"investorId\":\"%s\",\"invoiceId\":\"%s\",\"bidAmount\":\"10.00\"}".formatted(ann, invoice));
        succeeded("BidOnInvoice", Caller.investor(ann), placed);

        assertThatThrownBy(asBob::next).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
        assertThat(watch(Caller.operator("support")).next().getStatus().getState())
                .isEqualTo(CommandStatus.State.SUCCEEDED);
    }

    /**
     * Retention: a command decided longer ago than the retention goes whole, its status and the events it caused,
     * and is UNKNOWN again, as a command never sent; one decided since stays, whole.
     */
    @Test
    void aCommandOlderThanTheRetentionIsForgottenWholeAndUnknownAgainWhileAYoungerOneStays() {
        StoredEvent placed = causedByTheCommand("Investor", ann, "BidOnInvoicePlaced",
                "{\"investorId\":\"%s\",\"invoiceId\":\"%s\",\"bidAmount\":\"10.00\"}".formatted(ann, invoice));
        succeeded("BidOnInvoice", Caller.investor(ann), placed);
        next(placed, "Invoice", invoice, "InvoiceFinanced", decision("10.00"));
        UUID younger = UUID.randomUUID();
        UUID sold = UUID.randomUUID();
        succeeded(younger, "SellInvoice", Caller.issuer(issuer), causedBy(younger, "Invoice", sold, "InvoiceCreated",
                "{\"invoiceId\":\"%s\",\"issuerId\":\"%s\",\"askingPrice\":\"10.00\"}".formatted(sold, issuer)));
        untilSettled(watch(Caller.operator("support")));
        untilSettled(watch(younger, Caller.operator("support")));
        decidedAgo(command, Duration.ofDays(8));

        retention.forgetExpired();

        assertThat(watch(Caller.operator("support")).next()).isEqualTo(unknown());
        assertThat(readModel.queryForObject("SELECT count(*) FROM caused_events WHERE correlation_id = ?", Integer.class,
                command)).as("the events the forgotten command caused").isZero();
        CommandProgress kept = watch(younger, Caller.operator("support")).next();
        assertThat(kept.getSettled()).isTrue();
        assertThat(kept.getEventsList()).hasSize(1);
        assertThat(meters.counter("financing.retention.forgotten", "table", "command_statuses").count()).isPositive();
    }

    /** As if the command had been decided, and the events it caused had occurred, that long ago. */
    private void decidedAgo(UUID commandId, Duration age) {
        var then = Timestamp.from(Instant.now().minus(age));
        readModel.update("UPDATE command_statuses SET decided_at = ? WHERE command_id = ?", then, commandId);
        readModel.update("UPDATE caused_events SET occurred_at = ? WHERE correlation_id = ?", then, commandId);
    }

    @Test
    void aMalformedCommandIdIsInvalidAndNoTokenIsUnauthenticated() {
        var request = CommandStatusRequest.newBuilder().setCommandId("x").build();
        assertThatThrownBy(() -> stubAs(Caller.operator("support")).watchCommand(request).next())
                .hasMessageStartingWith("INVALID_ARGUMENT: command_id");
        assertThatThrownBy(() -> QueriesGrpc.newBlockingStub(channel(ClientChannels.plaintext()))
                .watchCommand(request(command)).next())
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    }

    @Test
    void aWatchEndsAtItsDeadlineAndIsForgottenThenAsWhenItsClientCancelsIt() {
        var expiring = stubAs(Caller.operator("support")).withDeadlineAfter(300, TimeUnit.MILLISECONDS)
                .watchCommand(request(UUID.randomUUID()));
        assertThat(expiring.next().getSettled()).isFalse();
        assertThatThrownBy(expiring::next).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED));
        awaitWatches(0);

        try (var cancellable = Context.current().withCancellation()) {
            var cancelled = cancellable.call(() -> stubAs(Caller.operator("support")).watchCommand(request(command)));
            cancelled.next();
            awaitWatches(1);
            cancellable.cancel(null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        awaitWatches(0);
    }

    // Givens

    private StoredEvent causedByTheCommand(String type, UUID aggregate, String name, String data) {
        return causedBy(command, type, aggregate, name, data);
    }

    private static StoredEvent causedBy(UUID command, String type, UUID aggregate, String name, String data) {
        return EventsOnTheBus.append(type, aggregate, name, data, EventMetadata.causedBy(command)).getFirst();
    }

    /** The saga's step after {@code cause}: the same conversation, caused by that event. */
    private static StoredEvent next(StoredEvent cause, String type, UUID aggregate, String name, String data) {
        return EventsOnTheBus.append(type, aggregate, name, data, cause.metadata().causedNext(cause.eventId())).getFirst();
    }

    private void succeeded(String name, Caller by, StoredEvent produced) {
        succeeded(command, name, by, produced);
    }

    private static void succeeded(UUID command, String name, Caller by, StoredEvent produced) {
        EventsOnTheBus.append("Command", command, "CommandSucceeded", ("{\"commandId\":\"%s\",\"command\":\"%s\","
                + "\"issuedBy\":%s,\"eventIds\":[\"%s\"]}").formatted(command, name, json(by), produced.eventId()),
                EventMetadata.causedBy(command));
    }

    private String decision(String bid) {
        return "{\"invoiceId\":\"%s\",\"askingPrice\":\"10.00\",\"bid\":{\"investorId\":\"%s\",\"amount\":\"%s\"}}"
                .formatted(invoice, ann, bid);
    }

    private static String json(Caller caller) {
        return "{\"role\":\"%s\",\"subject\":\"%s\"}".formatted(caller.role().claim(), caller.subject());
    }

    // Watching

    private Iterator<CommandProgress> watch(Caller as) {
        return watch(command, as);
    }

    private Iterator<CommandProgress> watch(UUID commandId, Caller as) {
        return stubAs(as).withDeadlineAfter(30, TimeUnit.SECONDS).watchCommand(request(commandId));
    }

    private QueriesGrpc.QueriesBlockingStub stubAs(Caller caller) {
        return QueriesGrpc.newBlockingStub(channel(ClientChannels.plaintext()
                .withToken(SharedInfrastructure.get().identity().token(caller))));
    }

    private ManagedChannel channel(ClientChannels clients) {
        ManagedChannel channel = clients.to("localhost", port);
        channels.add(channel);
        return channel;
    }

    private static CommandStatusRequest request(UUID commandId) {
        return CommandStatusRequest.newBuilder().setCommandId(commandId.toString()).build();
    }

    /** The messages up to the first that lists this many events. */
    private static CommandProgress until(Iterator<CommandProgress> progress, int events) {
        return until(progress, now -> now.getEventsCount() >= events);
    }

    private static CommandProgress untilSettled(Iterator<CommandProgress> progress) {
        return until(progress, CommandProgress::getSettled);
    }

    /** The messages up to the first that is {@code reached}: each moves on from the one before, none settled before. */
    private static CommandProgress until(Iterator<CommandProgress> progress, Predicate<CommandProgress> reached) {
        CommandProgress now = progress.next();
        while (!reached.test(now)) {
            assertThat(now.getSettled()).as("only the last message says settled").isFalse();
            CommandProgress next = progress.next();
            assertThat(next.getEventsList().subList(0, now.getEventsCount())).isEqualTo(now.getEventsList());
            now = next;
        }
        return now;
    }

    private CommandProgress unknown() {
        return CommandProgress.newBuilder().setStatus(CommandStatus.newBuilder().setCommandId(command.toString())
                .setState(CommandStatus.State.UNKNOWN)).build();
    }

    private static CausedEvent caused(StoredEvent event) {
        return CausedEvent.newBuilder().setEventId(event.eventId().toString()).setName(event.name())
                .setAggregateType(event.streamType()).setAggregateId(io.financing.api.v1.UUID.newBuilder()
                        .setValue(event.streamId().toString())).setVersion(event.version()).build();
    }

    private void awaitWatches(int open) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> meters.get("financing.command.watches").gauge().value() == open);
    }
}

package io.financing.api.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.financing.api.Money;
import io.financing.api.access.Caller;
import io.financing.api.event.CommandOutcome.CommandSucceeded;
import io.financing.api.event.EventEnvelope;
import io.financing.api.event.EventNames;
import io.financing.api.event.FinancingEvent;
import io.financing.api.event.InvoiceEvent.Bid;
import io.financing.api.event.InvoiceEvent.InvoiceFinanced;
import io.financing.api.event.RegisteringEvent;
import io.financing.api.event.RegisteringEvent.InvestorRegistered;
import io.financing.api.event.RegisteringEvent.IssuerRegistered;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    private static final UUID EVENT = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID INVOICE = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID COMMAND = UUID.fromString("00000000-0000-0000-0000-000000000003");
    private static final UUID ANN = UUID.fromString("00000000-0000-0000-0000-000000000004");

    private static EventEnvelope envelope(String name, Instant at) {
        return new EventEnvelope(EVENT, name, "Invoice", INVOICE, 2, 12345, at, COMMAND, EVENT);
    }

    @Test
    void anEnvelopeWrapsTheStoredDataAsItIs() {
        String stored = "{\"bid\": {\"amount\": \"150.00\", \"investorId\": \"" + ANN + "\"}, \"invoiceId\": \""
                + INVOICE + "\", \"askingPrice\": \"100.00\"}";

        assertThat(EventJson.write(envelope("InvoiceFinanced", Instant.parse("2026-11-27T10:00:00.123Z")), stored))
                .isEqualTo("{\"eventId\":\"" + EVENT + "\",\"name\":\"InvoiceFinanced\",\"aggregateType\":\"Invoice\","
                        + "\"aggregateId\":\"" + INVOICE + "\",\"version\":2,\"position\":12345,"
                        + "\"occurredAt\":\"2026-11-27T10:00:00.123Z\",\"correlationId\":\"" + COMMAND + "\","
                        + "\"causationId\":\"" + EVENT + "\",\"data\":" + stored + "}");
    }

    @Test
    void timesAreWrittenAsInstantPrintsThem() {
        for (String time : List.of("2026-11-27T10:00:00Z", "2026-11-27T10:00:00.100Z", "2026-11-27T10:00:00.123456Z",
                "2026-11-27T10:00:00.123456789Z")) {
            assertThat(EventJson.write(envelope("X", Instant.parse(time)), "{}")).contains("\"occurredAt\":\"" + time + "\"");
        }
    }

    @Test
    void aPublishedEventReadsAsItsType() {
        var financed = new InvoiceFinanced(INVOICE, Money.of("100.00"), new Bid(ANN, Money.of("150.00")));
        String data = EventJson.mapper().writeValueAsString(financed);

        EventJson.Published published = EventJson.readPublished(
                EventJson.write(envelope("InvoiceFinanced", Instant.EPOCH), data));

        assertThat(published.envelope()).isEqualTo(envelope("InvoiceFinanced", Instant.EPOCH));
        assertThat(published.event()).contains(financed);
        assertThat(data).isEqualTo("{\"invoiceId\":\"" + INVOICE + "\",\"askingPrice\":\"100.00\",\"bid\":{\"investorId\":\""
                + ANN + "\",\"amount\":\"150.00\"}}");
    }

    @Test
    void anEventOfAnUnknownNameIsReadWithoutItsEvent() {
        EventJson.Published published = EventJson.readPublished(
                EventJson.write(envelope("InvoiceRepainted", Instant.EPOCH), "{\"colour\": \"red\"}"));

        assertThat(published.envelope().name()).isEqualTo("InvoiceRepainted");
        assertThat(published.event()).isEmpty();
    }

    @Test
    void aMessagesNameIsReadAloneAndWhatHasNoneIsUnreadable() {
        String financed = EventJson.write(envelope("InvoiceFinanced", Instant.EPOCH), "{\"nested\":{\"name\":\"no\"}}");

        assertThat(EventJson.nameOf(financed)).isEqualTo("InvoiceFinanced");
        assertThatThrownBy(() -> EventJson.nameOf("[\"InvoiceFinanced\"]")).isInstanceOf(UnreadableMessageException.class);
        assertThatThrownBy(() -> EventJson.nameOf("{\"data\": {\"name\": \"x\"}}"))
                .isInstanceOf(UnreadableMessageException.class);
        assertThatThrownBy(() -> EventJson.nameOf("not json")).isInstanceOf(UnreadableMessageException.class);
    }

    @Test
    void fieldsAddedLaterAreIgnored() {
        String data = "{\"commandId\": \"" + COMMAND + "\", \"command\": \"SellInvoice\", \"eventIds\": [], \"new\": 1}";

        assertThat(EventJson.readStored("CommandSucceeded", data))
                .contains(new CommandSucceeded(COMMAND, "SellInvoice", Caller.ANYONE, List.of()));
    }

    @Test
    void whatIsNotTheMessageItClaimsToBeIsUnreadable() {
        String financed = EventJson.write(envelope("InvoiceFinanced", Instant.EPOCH), "{\"askingPrice\": \"ten\"}");

        assertThatThrownBy(() -> EventJson.readPublished("not json")).isInstanceOf(UnreadableMessageException.class);
        assertThatThrownBy(() -> EventJson.readPublished("[1]")).isInstanceOf(UnreadableMessageException.class);
        assertThatThrownBy(() -> EventJson.readPublished("{\"name\": \"InvoiceFinanced\"}"))
                .isInstanceOf(UnreadableMessageException.class);
        assertThatThrownBy(() -> EventJson.readPublished(financed)).isInstanceOf(UnreadableMessageException.class);
        assertThatThrownBy(() -> EventJson.readRegistration("{\"name\": \"IssuerRegistered\", \"data\": {}}"))
                .isInstanceOf(UnreadableMessageException.class);
    }

    @Test
    void registrationsAreWrittenAndReadAsTheRegisteringContextPublishesThem() {
        var ann = new InvestorRegistered(ANN, "Ann", Money.of("1000.00"));
        String message = EventJson.write(EVENT, ann);

        assertThat(message).isEqualTo("{\"eventId\":\"" + EVENT + "\",\"name\":\"InvestorRegistered\",\"data\":"
                + "{\"investorId\":\"" + ANN + "\",\"name\":\"Ann\",\"balance\":\"1000.00\"}}");
        assertThat(EventJson.readRegistration(message)).isEqualTo(new EventJson.Registration(EVENT,
                "InvestorRegistered", java.util.Optional.of(ann)));
        assertThat(EventJson.write(EVENT, new IssuerRegistered(ANN, "ACME")))
                .endsWith("\"data\":{\"issuerId\":\"" + ANN + "\",\"name\":\"ACME\"}}");
    }

    @Test
    void everyEventHasOneName() {
        assertThat(EventNames.of(FinancingEvent.class).keySet()).containsExactlyInAnyOrder("InvestorCreated",
                "InvestorFundsAdded", "BidOnInvoicePlaced", "InvestorFundsReleased", "InvestorFundsCommitted",
                "InvoiceCreated", "BidOnInvoiceRejected", "InvoiceFinanced", "InvoiceApproved", "InvoiceReversed",
                "IssuerCreated", "CommandSucceeded", "CommandRejected");
        assertThat(EventNames.of(RegisteringEvent.class).keySet())
                .containsExactlyInAnyOrder("IssuerRegistered", "InvestorRegistered");
    }
}

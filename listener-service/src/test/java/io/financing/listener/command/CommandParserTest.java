package io.financing.listener.command;

import static io.financing.listener.Requests.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.financing.api.access.Caller;
import io.financing.api.command.ApproveFinancing;
import io.financing.api.command.BidOnInvoice;
import io.financing.api.command.CommandMessage;
import io.financing.api.command.ReverseFinancing;
import io.financing.api.command.SellInvoice;
import io.financing.api.v1.ApproveFinancingCommand;
import io.financing.api.v1.BidOnInvoiceCommand;
import io.financing.api.v1.ReverseFinancingCommand;
import io.financing.listener.command.InvalidCommandException.FieldViolation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00.123Z");
    private static final UUID GENERATED = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final String COMMAND = "d00d0000-0000-4000-8000-0000000000cc";

    private static final Caller CALLER = Caller.issuer(UUID.fromString(ISSUER));

    private final CommandParser parser = new CommandParser(Clock.fixed(NOW, ZoneOffset.UTC), () -> GENERATED);

    @ParameterizedTest(name = "\"{0}\" is accepted as {1}")
    @CsvSource({
            "10, 10.00",
            "10.5, 10.50",
            "10.50, 10.50",
            "0.01, 0.01",
            "007, 7.00",
            "9999999999999.99, 9999999999999.99",
    })
    void acceptsPositiveAmountsWithAtMostTwoFractionAndThirteenIntegerDigits(String amount, BigDecimal expected) {
        CommandMessage command = parser.sellInvoice(sellInvoice(ISSUER, amount, ""), CALLER);

        assertThat(((SellInvoice) command.data()).askingPrice()).isEqualTo(expected).hasScaleOf(2);
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {"", "-1", "0", "0.00", "-0", "1.234", "1e5", "1E5", "NaN", "Infinity", "12345678901234",
            "10.", ".5", "+5", " 5", "5 ", "1,5", "1_000", "0x10", "١٠", "5\n"})
    void refusesAnAmountThatIsNotAPositivePlainDecimalNamingTheField(String amount) {
        assertThatThrownBy(() -> parser.sellInvoice(sellInvoice(ISSUER, amount, ""), CALLER))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("asking_price.amount"));
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {"", "not-a-uuid", "5f0c6a9e3c1b4c579a550f8b2f6c1d11", "{5f0c6a9e-3c1b-4c57-9a55-0f8b2f6c1d11}",
            "5f0c6a9e-3c1b-4c57-9a55-0f8b2f6c1d1", "5f0c6a9e-3c1b-4c57-9a55-0f8b2f6c1d111", "1-1-1-1-1",
            " 5f0c6a9e-3c1b-4c57-9a55-0f8b2f6c1d11", "5f0c6a9e-3c1b-4c57-9a55-0f8b2f6c1d1g",
            "00000000-0000-0000-0000-000000000000"})
    void refusesAnIdThatIsNotACanonicalUuidNamingTheField(String issuerId) {
        assertThatThrownBy(() -> parser.sellInvoice(sellInvoice(issuerId, "10", ""), CALLER))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("issuer_id.value"));
    }

    @Test
    void acceptsUpperCaseUuidsAndAnyVersionGivingThemInCanonicalForm() {
        CommandMessage command = parser.sellInvoice(sellInvoice(ISSUER.toUpperCase(), "10", ""), CALLER);

        assertThat(((SellInvoice) command.data()).issuerId()).hasToString(ISSUER);
    }

    @Test
    void refusesMissingSubMessagesNamingEachField() {
        assertThatThrownBy(() -> parser.bidOnInvoice(BidOnInvoiceCommand.getDefaultInstance(), CALLER))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.violations())
                        .containsExactly(
                                new FieldViolation("investor_id", "is required"),
                                new FieldViolation("invoice_id", "is required"),
                                new FieldViolation("bid", "is required")))
                .hasMessage("investor_id is required; invoice_id is required; bid is required");
    }

    @Test
    void refusesACommandIdThatIsNotAUuid() {
        assertThatThrownBy(() -> parser.approveFinancing(ApproveFinancingCommand.newBuilder()
                .setInvoiceId(uuid(INVOICE)).setCommandId("retry-1").build(), CALLER))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("command_id"))
                .hasMessageContaining("got \"retry-1\"");
    }

    @Test
    void quotesBadInputBackShortenedAndWithControlCharactersEscaped() {
        String hostile = "\u0000\u001b[31m" + "9".repeat(1000);

        assertThatThrownBy(() -> parser.sellInvoice(sellInvoice(ISSUER, hostile, ""), CALLER))
                .hasMessageContaining("got \"\\u0000\\u001b[31m999")
                .hasMessageEndingWith("…\"")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }

    @Test
    void sellInvoiceGetsAnInvoiceIdDerivedFromTheCommandIdAndCarriesItsCaller() {
        CommandMessage command = parser.sellInvoice(sellInvoice(ISSUER, "10.5", COMMAND), CALLER);

        UUID invoiceId = InvoiceIds.forCommand(UUID.fromString(COMMAND));
        assertThat(command).isEqualTo(new CommandMessage(UUID.fromString(COMMAND), invoiceId, NOW, CALLER,
                new SellInvoice(invoiceId, UUID.fromString(ISSUER), new BigDecimal("10.50"))));
        assertThat(command.name()).isEqualTo("SellInvoice");
    }

    @Test
    void aCommandWithoutIdGetsANewOne() {
        CommandMessage command = parser.sellInvoice(sellInvoice(ISSUER, "10", ""), CALLER);

        assertThat(command.commandId()).isEqualTo(GENERATED);
        assertThat(command.aggregateId()).isEqualTo(InvoiceIds.forCommand(GENERATED));
    }

    @Test
    void bidOnInvoiceIsAddressedToTheInvestor() {
        CommandMessage command = parser.bidOnInvoice(BidOnInvoiceCommand.newBuilder()
                .setInvestorId(uuid(INVESTOR)).setInvoiceId(uuid(INVOICE)).setBid(money("20"))
                .setCommandId(COMMAND).build(), CALLER);

        assertThat(command.aggregateId()).hasToString(INVESTOR);
        assertThat(command.data()).isEqualTo(new BidOnInvoice(UUID.fromString(INVESTOR), UUID.fromString(INVOICE),
                new BigDecimal("20.00")));
    }

    @Test
    void approveAndReverseAreAddressedToTheInvoice() {
        CommandMessage approve = parser.approveFinancing(ApproveFinancingCommand.newBuilder()
                .setInvoiceId(uuid(INVOICE)).build(), CALLER);
        CommandMessage reverse = parser.reverseFinancing(ReverseFinancingCommand.newBuilder()
                .setInvoiceId(uuid(INVOICE)).build(), CALLER);

        assertThat(approve.data()).isEqualTo(new ApproveFinancing(UUID.fromString(INVOICE)));
        assertThat(reverse.data()).isEqualTo(new ReverseFinancing(UUID.fromString(INVOICE)));
        assertThat(approve.aggregateId()).hasToString(INVOICE);
        assertThat(reverse.aggregateId()).hasToString(INVOICE);
    }

}

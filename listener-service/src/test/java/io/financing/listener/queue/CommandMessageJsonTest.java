package io.financing.listener.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.financing.api.access.Caller;
import io.financing.api.command.BidOnInvoice;
import io.financing.api.command.CommandMessage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The format of {@code financing.commands} is a contract with the financing-service: it must not drift. */
class CommandMessageJsonTest {

    private static final String JSON = """
            {"commandId":"d00d0000-0000-4000-8000-0000000000cc","name":"BidOnInvoice",\
            "aggregateId":"a1b2c3d4-0000-4000-8000-0000000000aa","issuedAt":"2026-11-27T10:00:00.123Z",\
            "issuedBy":{"role":"investor","subject":"a1b2c3d4-0000-4000-8000-0000000000aa"},\
            "data":{"investorId":"a1b2c3d4-0000-4000-8000-0000000000aa",\
            "invoiceId":"c0ffee00-0000-4000-8000-0000000000bb","bid":"10.50"}}""";

    private final JsonMapper json = JsonMapper.builder().build();

    private final CommandMessage command = CommandMessage.of(
            UUID.fromString("d00d0000-0000-4000-8000-0000000000cc"),
            Instant.parse("2026-11-27T10:00:00.123Z"),
            Caller.investor(UUID.fromString("a1b2c3d4-0000-4000-8000-0000000000aa")),
            new BidOnInvoice(UUID.fromString("a1b2c3d4-0000-4000-8000-0000000000aa"),
                    UUID.fromString("c0ffee00-0000-4000-8000-0000000000bb"), new BigDecimal("10.50")));

    @Test
    void isWrittenWithItsNameAndMoneyAsText() {
        assertThat(json.readTree(json.writeValueAsString(command))).isEqualTo(json.readTree(JSON));
    }

    @Test
    void isReadBackIntoTheCommandItNames() {
        assertThat(json.readValue(JSON, CommandMessage.class)).isEqualTo(command);
    }

    /** Written while authentication was off, or before there was any: from anyone. */
    @Test
    void aCommandWithoutItsCallerIsFromAnyone() {
        String withoutCaller = JSON.replaceAll("\"issuedBy\":\\{[^}]*},", "");

        assertThat(json.readValue(withoutCaller, CommandMessage.class).issuedBy()).isEqualTo(Caller.ANYONE);
    }
}

package io.financing.listener.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class InvoiceIdsTest {

    private static final UUID COMMAND_ID = UUID.fromString("5f0c6a9e-3c1b-4c57-9a55-0f8b2f6c1d11");

    @Test
    void isTheVersion5NameBasedUuidOfTheCommandIdThatAnyRfcImplementationDerives() {
        // Python: uuid.uuid5(UUID('0b6f3c1e-5d2a-4f1b-9a7e-3c4d5e6f7a8b'), '5f0c6a9e-3c1b-4c57-9a55-0f8b2f6c1d11')
        assertThat(InvoiceIds.forCommand(COMMAND_ID))
                .isEqualTo(UUID.fromString("8b3ec2a8-7a5d-5112-a462-ea406ca2fb16"));
    }

    @Test
    void sameCommandSameInvoiceOtherCommandOtherInvoice() {
        assertThat(InvoiceIds.forCommand(COMMAND_ID)).isEqualTo(InvoiceIds.forCommand(COMMAND_ID));
        assertThat(InvoiceIds.forCommand(UUID.randomUUID())).isNotEqualTo(InvoiceIds.forCommand(COMMAND_ID));
    }
}

package io.financing.console.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.financing.api.event.EventNames;
import io.financing.api.event.InvestorEvent;
import io.financing.api.event.InvoiceEvent;
import io.financing.api.event.IssuerEvent;
import org.junit.jupiter.api.Test;

class RowChangesTest {

    @Test
    void everyEventOfAnAggregateWithARowSaysWhichFieldsItChanges() {
        assertThat(RowChanges.known())
                .containsAll(EventNames.of(InvestorEvent.class).keySet())
                .containsAll(EventNames.of(InvoiceEvent.class).keySet())
                .containsAll(EventNames.of(IssuerEvent.class).keySet());
    }

    @Test
    void aBidMovesMoneyFromTheBalanceToReservedAndAFinancingSetsTheStatusAndTheWinningBid() {
        assertThat(RowChanges.of("BidOnInvoicePlaced")).containsExactly("balance", "reserved");
        assertThat(RowChanges.of("InvoiceFinanced")).containsExactly("status", "winningBid");
        assertThat(RowChanges.of("BidOnInvoiceRejected")).isEmpty();
    }
}

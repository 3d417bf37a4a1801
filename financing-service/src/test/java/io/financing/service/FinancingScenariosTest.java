package io.financing.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.financing.api.Money;
import io.financing.api.command.ApproveFinancing;
import io.financing.api.command.BidOnInvoice;
import io.financing.api.command.ReverseFinancing;
import io.financing.api.command.SellInvoice;
import io.financing.api.event.InvoiceEvent.Bid;
import io.financing.service.investor.Investor;
import io.financing.service.invoice.InvoiceStatus;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The event storming of the design, scenario by scenario, through use cases and saga together. */
class FinancingScenariosTest {

    private final InMemoryFinancing financing = new InMemoryFinancing();
    private final UUID issuer = financing.issuerRegistered();
    private final UUID ann = financing.investorRegistered("100");
    private final UUID invoice = UUID.randomUUID();

    private List<String> sellForTen() {
        return financing.send(new SellInvoice(invoice, issuer, new BigDecimal("10.00")));
    }

    private List<String> bid(UUID investor, String amount) {
        return financing.send(new BidOnInvoice(investor, invoice, new BigDecimal(amount)));
    }

    @Test
    void aRegisteredIssuerSellsAnInvoice() {
        assertThat(sellForTen()).containsExactly("InvoiceCreated");
        assertThat(financing.invoice(invoice).status()).isEqualTo(InvoiceStatus.AVAILABLE);
    }

    @Test
    void anUnregisteredIssuerCannotSell() {
        assertThatThrownBy(() -> financing.send(new SellInvoice(invoice, UUID.randomUUID(), BigDecimal.TEN)))
                .isInstanceOf(PolicyViolation.class)
                .hasMessageEndingWith("is not registered");
        assertThat(financing.invoices.contains(invoice)).isFalse();
    }

    @Test
    void bidTwentyOnTenIsPlacedFinancesAndReleasesTheExcess() {
        sellForTen();

        assertThat(bid(ann, "20")).containsExactly("BidOnInvoicePlaced", "InvoiceFinanced", "InvestorFundsReleased");
        assertMoney(financing.investor(ann), "90", "10", "0");
        assertThat(financing.invoice(invoice).winningBid()).isEqualTo(new Bid(ann, Money.of("20")));
    }

    @Test
    void bidFiveOnTenIsPlacedRejectedAndReleased() {
        sellForTen();

        assertThat(bid(ann, "5")).containsExactly("BidOnInvoicePlaced", "BidOnInvoiceRejected", "InvestorFundsReleased");
        assertMoney(financing.investor(ann), "100", "0", "0");
        assertThat(financing.invoice(invoice).status()).isEqualTo(InvoiceStatus.AVAILABLE);
    }

    @Test
    void aBidBeyondTheBalanceChangesNothing() {
        sellForTen();

        assertThatThrownBy(() -> bid(ann, "100.01")).isInstanceOf(PolicyViolation.class)
                .hasMessage("Investor " + ann + " has 100.00 available, bid was 100.01");
        assertMoney(financing.investor(ann), "100", "0", "0");
    }

    @Test
    void aBidOnAnUnknownInvoiceOrByAnUnknownInvestorIsRefused() {
        assertThatThrownBy(() -> bid(ann, "10")).isInstanceOf(PolicyViolation.class).hasMessageEndingWith("does not exist");
        sellForTen();
        assertThatThrownBy(() -> bid(UUID.randomUUID(), "10")).isInstanceOf(PolicyViolation.class)
                .hasMessageEndingWith("is not registered");
    }

    @Test
    void approvingCommitsTheAskingPrice() {
        sellForTen();
        bid(ann, "20");

        assertThat(financing.send(new ApproveFinancing(invoice))).containsExactly("InvoiceApproved", "InvestorFundsCommitted");
        assertMoney(financing.investor(ann), "90", "0", "10");
        assertThat(financing.invoice(invoice).status()).isEqualTo(InvoiceStatus.APPROVED);
    }

    @Test
    void reversingReleasesTheAskingPrice() {
        sellForTen();
        bid(ann, "20");

        assertThat(financing.send(new ReverseFinancing(invoice))).containsExactly("InvoiceReversed", "InvestorFundsReleased");
        assertMoney(financing.investor(ann), "100", "0", "0");
        assertThat(financing.invoice(invoice).status()).isEqualTo(InvoiceStatus.REVERSED);
    }

    @Test
    void aSecondBidOnAFinancedInvoiceIsRejectedAndReleasedInFull() {
        UUID bob = financing.investorRegistered("50");
        sellForTen();
        bid(ann, "10");

        assertThat(bid(bob, "30")).containsExactly("BidOnInvoicePlaced", "BidOnInvoiceRejected", "InvestorFundsReleased");
        assertMoney(financing.investor(bob), "50", "0", "0");
        assertThat(financing.invoice(invoice).winningBid().investorId()).isEqualTo(ann);
    }

    @Test
    void approvingAnInvoiceThatIsNotFinancedIsRefused() {
        sellForTen();

        assertThatThrownBy(() -> financing.send(new ApproveFinancing(invoice))).isInstanceOf(PolicyViolation.class);
        assertThatThrownBy(() -> financing.send(new ReverseFinancing(UUID.randomUUID())))
                .isInstanceOf(PolicyViolation.class).hasMessageEndingWith("does not exist");
    }

    private static void assertMoney(Investor investor, String balance, String reserved, String committed) {
        assertThat(investor.balance()).as("balance").isEqualTo(Money.of(balance));
        assertThat(investor.reserved()).as("reserved").isEqualTo(Money.of(reserved));
        assertThat(investor.committed()).as("committed").isEqualTo(Money.of(committed));
    }
}

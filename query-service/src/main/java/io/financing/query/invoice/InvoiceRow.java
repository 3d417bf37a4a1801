package io.financing.query.invoice;

import io.financing.query.projection.ProjectedRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** An invoice as the queries show it: its issuer, asking price, status and winning bid. */
@Entity
@Table(name = "invoices")
public class InvoiceRow extends ProjectedRow {

    @Column(name = "issuer_id")
    private UUID issuerId;
    @Column(name = "asking_price")
    private BigDecimal askingPrice;
    private String status;
    @Column(name = "winning_investor_id")
    private UUID winningInvestorId;
    @Column(name = "winning_amount")
    private BigDecimal winningAmount;

    protected InvoiceRow() {
    }

    InvoiceRow(UUID id, long createdPosition, UUID issuerId, BigDecimal askingPrice) {
        super(id, createdPosition);
        this.issuerId = issuerId;
        this.askingPrice = askingPrice;
        this.status = "AVAILABLE";
    }

    void financedBy(UUID investorId, BigDecimal amount) {
        status = "FINANCED";
        winningInvestorId = investorId;
        winningAmount = amount;
    }

    void status(String status) {
        this.status = status;
    }

    public UUID issuerId() {
        return issuerId;
    }

    public BigDecimal askingPrice() {
        return askingPrice;
    }

    public String status() {
        return status;
    }

    public UUID winningInvestorId() {
        return winningInvestorId;
    }

    public BigDecimal winningAmount() {
        return winningAmount;
    }
}

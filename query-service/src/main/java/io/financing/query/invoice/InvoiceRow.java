package io.financing.query.invoice;

import io.financing.query.projection.ProjectedRow;
import java.math.BigDecimal;
import java.util.UUID;

/** An invoice as the queries show it: its issuer, asking price, status and winning bid. */
public class InvoiceRow extends ProjectedRow {

    private final UUID issuerId;
    private final BigDecimal askingPrice;
    private String status;
    private UUID winningInvestorId;
    private BigDecimal winningAmount;

    InvoiceRow(UUID id, long createdPosition, UUID issuerId, BigDecimal askingPrice) {
        this(id, createdPosition, 1, issuerId, askingPrice, "AVAILABLE", null, null);
    }

    InvoiceRow(UUID id, long createdPosition, long version, UUID issuerId, BigDecimal askingPrice, String status,
               UUID winningInvestorId, BigDecimal winningAmount) {
        super(id, createdPosition, version);
        this.issuerId = issuerId;
        this.askingPrice = askingPrice;
        this.status = status;
        this.winningInvestorId = winningInvestorId;
        this.winningAmount = winningAmount;
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

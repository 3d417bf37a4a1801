package io.financing.query.investor;

import io.financing.query.projection.ProjectedRow;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** An investor's money as the queries show it. */
@Entity
@Table(name = "investors")
public class InvestorRow extends ProjectedRow {

    private BigDecimal balance;
    private BigDecimal reserved;
    private BigDecimal committed;

    protected InvestorRow() {
    }

    InvestorRow(UUID id, long createdPosition) {
        super(id, createdPosition);
        balance = BigDecimal.ZERO;
        reserved = BigDecimal.ZERO;
        committed = BigDecimal.ZERO;
    }

    void add(BigDecimal amount) {
        balance = balance.add(amount);
    }

    void reserve(BigDecimal amount) {
        balance = balance.subtract(amount);
        reserved = reserved.add(amount);
    }

    void release(BigDecimal amount) {
        reserved = reserved.subtract(amount);
        balance = balance.add(amount);
    }

    void commit(BigDecimal amount) {
        reserved = reserved.subtract(amount);
        committed = committed.add(amount);
    }

    public BigDecimal balance() {
        return balance;
    }

    public BigDecimal reserved() {
        return reserved;
    }

    public BigDecimal committed() {
        return committed;
    }
}

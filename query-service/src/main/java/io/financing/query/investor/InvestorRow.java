package io.financing.query.investor;

import io.financing.query.projection.ProjectedRow;
import java.math.BigDecimal;
import java.util.UUID;

/** An investor's money as the queries show it. */
public class InvestorRow extends ProjectedRow {

    private BigDecimal balance;
    private BigDecimal reserved;
    private BigDecimal committed;

    InvestorRow(UUID id, long createdPosition) {
        this(id, createdPosition, 1, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    InvestorRow(UUID id, long createdPosition, long version, BigDecimal balance, BigDecimal reserved,
                BigDecimal committed) {
        super(id, createdPosition, version);
        this.balance = balance;
        this.reserved = reserved;
        this.committed = committed;
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

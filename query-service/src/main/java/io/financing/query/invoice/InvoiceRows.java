package io.financing.query.invoice;

import io.financing.query.projection.ProjectedRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code invoices} read model. */
@Repository
public class InvoiceRows extends ProjectedRows<InvoiceRow> {

    InvoiceRows(JdbcTemplate jdbc) {
        super(jdbc, "invoices", List.of("issuer_id", "asking_price", "status", "winning_investor_id", "winning_amount"));
    }

    @Override
    protected InvoiceRow row(ResultSet columns) throws SQLException {
        return new InvoiceRow(columns.getObject(1, UUID.class), columns.getLong(2), columns.getLong(3),
                columns.getObject(4, UUID.class), columns.getBigDecimal(5), columns.getString(6),
                columns.getObject(7, UUID.class), columns.getBigDecimal(8));
    }

    @Override
    protected Object[] values(InvoiceRow invoice) {
        return new Object[] {invoice.issuerId(), invoice.askingPrice(), invoice.status(), invoice.winningInvestorId(),
                invoice.winningAmount()};
    }
}

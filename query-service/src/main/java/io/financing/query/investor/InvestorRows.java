package io.financing.query.investor;

import io.financing.query.projection.ProjectedRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code investors} read model. */
@Repository
public class InvestorRows extends ProjectedRows<InvestorRow> {

    InvestorRows(JdbcTemplate jdbc) {
        super(jdbc, "investors", List.of("balance", "reserved", "committed"));
    }

    /** A page of the list holding at most that investor's own row. */
    public List<InvestorRow> ownCreatedAfter(UUID id, long position, int limit) {
        return where("id = ? AND created_position > ? ORDER BY created_position LIMIT ?", id, position, limit);
    }

    @Override
    protected InvestorRow row(ResultSet columns) throws SQLException {
        return new InvestorRow(columns.getObject(1, UUID.class), columns.getLong(2), columns.getLong(3),
                columns.getBigDecimal(4), columns.getBigDecimal(5), columns.getBigDecimal(6));
    }

    @Override
    protected Object[] values(InvestorRow investor) {
        return new Object[] {investor.balance(), investor.reserved(), investor.committed()};
    }
}

package io.financing.query.issuer;

import io.financing.query.projection.ProjectedRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code issuers} read model. */
@Repository
public class IssuerRows extends ProjectedRows<IssuerRow> {

    private static final Object[] NO_OWN_COLUMNS = {};

    IssuerRows(JdbcTemplate jdbc) {
        super(jdbc, "issuers", List.of());
    }

    @Override
    protected IssuerRow row(ResultSet columns) throws SQLException {
        return new IssuerRow(columns.getObject(1, UUID.class), columns.getLong(2), columns.getLong(3));
    }

    @Override
    protected Object[] values(IssuerRow issuer) {
        return NO_OWN_COLUMNS;
    }
}

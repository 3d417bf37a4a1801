package io.financing.query.projection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.RowMapper;

/**
 * A read model's table of {@link ProjectedRow}s, on plain JDBC. A batch of events loads the rows it is about in one
 * query and writes those it changed in one batch of upserts, each guarded by its version: a row is only ever moved
 * forward, so a writer that lost a partition mid-batch cannot take a row back. Hibernate did the same with a
 * persistence context, dirty checking and flushes, and spent about a third of the query service's CPU on it.
 *
 * <p>Its columns are {@code id, created_position, version}, then the subclass's own, in the order it names them.
 */
public abstract class ProjectedRows<R extends ProjectedRow> {

    private static final String BASE_COLUMNS = "id, created_position, version";

    private final JdbcTemplate jdbc;
    private final String select;
    private final String upsert;
    private final RowMapper<R> mapper = (columns, rowNumber) -> row(columns);

    protected ProjectedRows(JdbcTemplate jdbc, String table, List<String> columns) {
        this.jdbc = jdbc;
        String all = Stream.concat(Stream.of(BASE_COLUMNS), columns.stream()).collect(Collectors.joining(", "));
        this.select = "SELECT " + all + " FROM " + table;
        this.upsert = "INSERT INTO " + table + " (" + all + ") VALUES (?, ?, ?" + ", ?".repeat(columns.size()) + ")"
                + " ON CONFLICT (id) DO UPDATE SET "
                + Stream.concat(Stream.of("version"), columns.stream()).map(column -> column + " = excluded." + column)
                .collect(Collectors.joining(", "))
                + " WHERE " + table + ".version < excluded.version";
    }

    /** The row in {@code columns}' current line: id, created position and version first (1 to 3), then its own. */
    protected abstract R row(ResultSet columns) throws SQLException;

    /** The values of the row's own columns, in their order. */
    protected abstract Object[] values(R row);

    public Optional<R> findById(UUID id) {
        return where("id = ?", id).stream().findFirst();
    }

    /** A page of the list, oldest first: up to {@code limit} rows created after {@code position}. */
    public List<R> createdAfter(long position, int limit) {
        return where("created_position > ? ORDER BY created_position LIMIT ?", position, limit);
    }

    /** The rows that exist among {@code ids}, by id: one query for a whole batch of events. */
    public Map<UUID, R> findAllById(Collection<UUID> ids) {
        Map<UUID, R> byId = new HashMap<>();
        jdbc.query(select + " WHERE id = ANY (?)", anyOf(ids),
                (columns, rowNumber) -> byId.put(columns.getObject(1, UUID.class), row(columns)));
        return byId;
    }

    /** Inserts the new rows and moves the others to their versions, in one batch. */
    public void saveAll(Collection<R> rows) {
        jdbc.batchUpdate(upsert, rows, rows.size(), (statement, row) -> {
            statement.setObject(1, row.id());
            statement.setLong(2, row.createdPosition());
            statement.setLong(3, row.version());
            Object[] own = values(row);
            for (int i = 0; i < own.length; i++) {
                statement.setObject(4 + i, own[i]);
            }
        });
    }

    /** Sets a query's one parameter, {@code = ANY (?)}, to the ids: one query for a whole batch's rows. */
    public static PreparedStatementSetter anyOf(Collection<UUID> ids) {
        return statement -> statement.setArray(1, statement.getConnection().createArrayOf("uuid", ids.toArray()));
    }

    protected List<R> where(String condition, Object... arguments) {
        return jdbc.query(select + " WHERE " + condition, mapper, arguments);
    }
}

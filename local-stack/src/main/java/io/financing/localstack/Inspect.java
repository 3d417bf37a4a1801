package io.financing.localstack;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * {@code ./financing inspect invoice|investor ID}: one aggregate both ways, its event stream in the
 * event store beside its row in the read model, so the two sides of CQRS can be seen side by side.
 */
final class Inspect {

    private static final Map<String, String> TABLES = Map.of("invoice", "invoices", "investor", "investors",
            "issuer", "issuers");

    private Inspect() {
    }

    static int inspect(String kind, String id, LocalSettings settings, PrintStream out) throws SQLException {
        String table = TABLES.get(kind);
        if (table == null) {
            throw new IllegalArgumentException("inspect takes invoice, investor or issuer, not \"" + kind + "\"");
        }
        UUID aggregate = UUID.fromString(id);
        String server = "jdbc:postgresql://localhost:" + settings.postgresPort() + "/";
        try (Connection store = DriverManager.getConnection(server + Infrastructure.EVENT_STORE_DATABASE,
                settings.databaseUser(), settings.databasePassword());
             Connection readModel = DriverManager.getConnection(server + Infrastructure.READ_MODEL_DATABASE,
                     settings.databaseUser(), settings.databasePassword())) {
            out.println("Event store, stream " + aggregate + ":");
            int events = printEvents(store, aggregate, out);
            out.println();
            out.println("Read model, " + table + ":");
            int rows = printRow(readModel, table, aggregate, out);
            return events + rows == 0 ? 1 : 0;
        }
    }

    private static int printEvents(Connection store, UUID aggregate, PrintStream out) throws SQLException {
        try (var query = store.prepareStatement("""
                SELECT version, name, data::text, position, occurred_at FROM eventstore.events
                WHERE stream_id = ? ORDER BY version""")) {
            query.setObject(1, aggregate);
            ResultSet events = query.executeQuery();
            int count = 0;
            out.printf("  %-7s %-24s %-9s %-28s %s%n", "version", "name", "position", "occurred at", "data");
            while (events.next()) {
                count++;
                out.printf("  %-7d %-24s %-9d %-28s %s%n", events.getLong(1), events.getString(2), events.getLong(4),
                        events.getObject(5, java.time.OffsetDateTime.class).toInstant(), events.getString(3));
            }
            if (count == 0) {
                out.println("  (no such stream)");
            }
            return count;
        }
    }

    private static int printRow(Connection readModel, String table, UUID aggregate, PrintStream out)
            throws SQLException {
        try (var query = readModel.prepareStatement("SELECT * FROM " + table + " WHERE id = ?")) {
            query.setObject(1, aggregate);
            ResultSet row = query.executeQuery();
            if (!row.next()) {
                out.println("  (no row)");
                return 0;
            }
            var columns = row.getMetaData();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                out.printf("  %-20s %s%n", columns.getColumnName(i), row.getString(i));
            }
            return 1;
        }
    }
}

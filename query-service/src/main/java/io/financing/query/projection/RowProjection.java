package io.financing.query.projection;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * A projection with one row per aggregate: the creation event inserts the row, every later event
 * changes it, each at most once and only in version order.
 */
public abstract class RowProjection<R extends ProjectedRow> implements Projection {

    private final JpaRepository<R, UUID> rows;
    private final String creation;

    protected RowProjection(JpaRepository<R, UUID> rows, String creation) {
        this.rows = rows;
        this.creation = creation;
    }

    /** Loads the rows the events are about in one query, instead of a query or two per event. */
    @Override
    public final void applyAll(List<ProjectedEvent> events) {
        Map<UUID, R> known = InsertableRow.rowsOf(events, rows);
        for (ProjectedEvent event : events) {
            R row = known.get(event.aggregateId());
            if (event.name().equals(creation)) {
                if (row == null) {
                    if (event.version() != 1) {
                        throw new VersionGapException(event.aggregateId(), 0, event.version());
                    }
                    known.put(event.aggregateId(), rows.save(create(event)));
                }
            } else if (row == null) {
                throw new VersionGapException(event.aggregateId(), 0, event.version());
            } else if (row.advanceTo(event.version())) {
                change(row, event);
            }
        }
    }

    /** The row for the aggregate's creation event. */
    protected abstract R create(ProjectedEvent creation);

    /** Applies a later event to the row; events that change nothing shown are simply not handled here. */
    protected abstract void change(R row, ProjectedEvent event);
}

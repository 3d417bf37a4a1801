package io.financing.query.projection;

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

    @Override
    public final void apply(ProjectedEvent event) {
        if (event.name().equals(creation)) {
            if (!rows.existsById(event.aggregateId())) {
                if (event.version() != 1) {
                    throw new VersionGapException(event.aggregateId(), 0, event.version());
                }
                rows.save(create(event));
            }
            return;
        }
        R row = rows.findById(event.aggregateId())
                .orElseThrow(() -> new VersionGapException(event.aggregateId(), 0, event.version()));
        if (row.advanceTo(event.version())) {
            change(row, event);
        }
    }

    /** The row for the aggregate's creation event. */
    protected abstract R create(ProjectedEvent creation);

    /** Applies a later event to the row; events that change nothing shown are simply not handled here. */
    protected abstract void change(R row, ProjectedEvent event);
}

package io.financing.query.projection;

import io.financing.api.event.FinancingEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * A projection with one row per aggregate: the creation event inserts the row, every later event
 * changes it, each at most once and only in version order.
 *
 * @param <R> the row
 * @param <E> the aggregate's events
 * @param <C> the event that creates it
 */
public abstract class RowProjection<R extends ProjectedRow, E extends FinancingEvent, C extends E>
        implements Projection {

    private final JpaRepository<R, UUID> rows;
    private final Class<E> events;
    private final Class<C> creation;

    protected RowProjection(JpaRepository<R, UUID> rows, Class<E> events, Class<C> creation) {
        this.rows = rows;
        this.events = events;
        this.creation = creation;
    }

    /** Loads the rows the events are about in one query, instead of a query or two per event. */
    @Override
    public final void applyAll(List<ProjectedEvent> projected) {
        Map<UUID, R> known = InsertableRow.rowsOf(projected, rows);
        for (ProjectedEvent event : projected) {
            R row = known.get(event.aggregateId());
            Optional<C> created = event.event().filter(creation::isInstance).map(creation::cast);
            if (created.isPresent()) {
                if (row == null) {
                    if (event.version() != 1) {
                        throw new VersionGapException(event.aggregateId(), 0, event.version());
                    }
                    known.put(event.aggregateId(), rows.save(create(event, created.get())));
                }
            } else if (row == null) {
                throw new VersionGapException(event.aggregateId(), 0, event.version());
            } else if (row.advanceTo(event.version())) {
                // An event this version does not know changes nothing shown, but keeps the versions in step.
                event.event().ifPresent(changed -> change(row, events.cast(changed)));
            }
        }
    }

    /** The row for the aggregate's creation event. */
    protected abstract R create(ProjectedEvent at, C created);

    /**
     * Applies a later event to the row: a switch over all the aggregate's events, so that one added to
     * the language and forgotten here does not compile.
     */
    protected abstract void change(R row, E event);
}

package io.financing.query.projection;

import io.financing.api.event.FinancingEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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

    private final ProjectedRows<R> rows;
    private final Class<E> events;
    private final Class<C> creation;

    protected RowProjection(ProjectedRows<R> rows, Class<E> events, Class<C> creation) {
        this.rows = rows;
        this.events = events;
        this.creation = creation;
    }

    /** Loads the rows the events are about in one query, and writes those they changed in one batch. */
    @Override
    public final void applyAll(List<ProjectedEvent> projected) {
        Map<UUID, R> known = rows.findAllById(projected.stream().map(ProjectedEvent::aggregateId).distinct().toList());
        Map<UUID, R> changed = new LinkedHashMap<>();
        for (ProjectedEvent event : projected) {
            R row = known.get(event.aggregateId());
            Optional<C> created = event.event().filter(creation::isInstance).map(creation::cast);
            if (created.isPresent()) {
                if (row == null) {
                    if (event.version() != 1) {
                        throw new VersionGapException(event.aggregateId(), 0, event.version());
                    }
                    R made = create(event, created.get());
                    known.put(event.aggregateId(), made);
                    changed.put(event.aggregateId(), made);
                }
            } else if (row == null) {
                throw new VersionGapException(event.aggregateId(), 0, event.version());
            } else if (row.advanceTo(event.version())) {
                // An event this version does not know changes nothing shown, but keeps the versions in step.
                event.event().ifPresent(change -> change(row, events.cast(change)));
                changed.put(event.aggregateId(), row);
            }
        }
        rows.saveAll(changed.values());
    }

    /** The row for the aggregate's creation event. */
    protected abstract R create(ProjectedEvent at, C created);

    /**
     * Applies a later event to the row: a switch over all the aggregate's events, so that one added to
     * the language and forgotten here does not compile.
     */
    protected abstract void change(R row, E event);
}

package io.financing.query.projection;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Persistable;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * A row that knows whether it is new: saving one a projection just made inserts it at once, where a
 * row with an id of its own would first be looked for (JPA's merge), a query per row for nothing.
 */
@MappedSuperclass
public abstract class InsertableRow implements Persistable<UUID> {

    @Transient
    private boolean created;

    /** For JPA, which loads rows that exist. */
    protected InsertableRow() {
    }

    /** For a row a projection makes, to be inserted. */
    protected InsertableRow(boolean created) {
        this.created = created;
    }

    @Override
    public boolean isNew() {
        return created;
    }

    @PostLoad
    @PostPersist
    void stored() {
        created = false;
    }

    /** The rows the events are about that exist, by id: one query for a whole batch of events. */
    public static <R extends InsertableRow> Map<UUID, R> rowsOf(List<ProjectedEvent> events, JpaRepository<R, UUID> rows) {
        Map<UUID, R> byId = new HashMap<>();
        rows.findAllById(events.stream().map(ProjectedEvent::aggregateId).distinct().toList())
                .forEach(row -> byId.put(row.getId(), row));
        return byId;
    }
}

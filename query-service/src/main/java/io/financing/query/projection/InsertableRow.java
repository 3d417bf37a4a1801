package io.financing.query.projection;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

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
}

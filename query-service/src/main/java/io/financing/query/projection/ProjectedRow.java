package io.financing.query.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;

/**
 * A row of a read model that follows one aggregate: it remembers the version of the last event
 * applied, so that a redelivered event is skipped and a missing one is noticed.
 */
@MappedSuperclass
public abstract class ProjectedRow extends InsertableRow {

    @Id
    private UUID id;

    @Column(name = "created_position", nullable = false)
    private long createdPosition;

    @Column(nullable = false)
    private long version;

    protected ProjectedRow() {
    }

    protected ProjectedRow(UUID id, long createdPosition) {
        super(true);
        this.id = id;
        this.createdPosition = createdPosition;
        this.version = 1;
    }

    public UUID id() {
        return id;
    }

    @Override
    public UUID getId() {
        return id;
    }

    public long createdPosition() {
        return createdPosition;
    }

    /**
     * Whether the event at {@code eventVersion} is the next for this row; then the row moves to it.
     *
     * @return false for an event applied before (a redelivery)
     * @throws VersionGapException if events before it are missing: applying it would corrupt the row
     */
    public boolean advanceTo(long eventVersion) {
        if (eventVersion <= version) {
            return false;
        }
        if (eventVersion > version + 1) {
            throw new VersionGapException(id, version, eventVersion);
        }
        version = eventVersion;
        return true;
    }
}

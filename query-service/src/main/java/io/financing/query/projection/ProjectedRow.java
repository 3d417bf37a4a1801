package io.financing.query.projection;

import java.util.UUID;

/**
 * A row of a read model that follows one aggregate: it remembers the version of the last event
 * applied, so that a redelivered event is skipped and a missing one is noticed.
 */
public abstract class ProjectedRow {

    private final UUID id;
    private final long createdPosition;
    private long version;

    /** A row as stored, or (at version 1) as its aggregate's creation event makes it. */
    protected ProjectedRow(UUID id, long createdPosition, long version) {
        this.id = id;
        this.createdPosition = createdPosition;
        this.version = version;
    }

    public UUID id() {
        return id;
    }

    public long createdPosition() {
        return createdPosition;
    }

    public long version() {
        return version;
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

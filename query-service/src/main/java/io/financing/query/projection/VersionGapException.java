package io.financing.query.projection;

import java.util.UUID;

/** An event arrived ahead of one it depends on; the projector stops on it rather than corrupt a row. */
public final class VersionGapException extends RuntimeException {

    public VersionGapException(UUID aggregateId, long applied, long arrived) {
        super("Aggregate " + aggregateId + " is at version " + applied + " in the read model, but version "
                + arrived + " arrived: the events between are missing");
    }
}

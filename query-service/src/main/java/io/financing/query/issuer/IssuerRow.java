package io.financing.query.issuer;

import io.financing.query.projection.ProjectedRow;
import java.util.UUID;

/** An issuer known to the Financing context. */
public class IssuerRow extends ProjectedRow {

    IssuerRow(UUID id, long createdPosition) {
        this(id, createdPosition, 1);
    }

    IssuerRow(UUID id, long createdPosition, long version) {
        super(id, createdPosition, version);
    }
}

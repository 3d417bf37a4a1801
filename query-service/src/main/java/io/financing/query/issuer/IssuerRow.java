package io.financing.query.issuer;

import io.financing.query.projection.ProjectedRow;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/** An issuer known to the Financing context. */
@Entity
@Table(name = "issuers")
public class IssuerRow extends ProjectedRow {

    protected IssuerRow() {
    }

    IssuerRow(UUID id, long createdPosition) {
        super(id, createdPosition);
    }
}

package io.financing.query.issuer;

import io.financing.query.projection.ProjectedEvent;
import io.financing.query.projection.RowProjection;
import org.springframework.stereotype.Component;

@Component
class IssuerProjection extends RowProjection<IssuerRow> {

    IssuerProjection(IssuerRows rows) {
        super(rows, "IssuerCreated");
    }

    @Override
    public String aggregateType() {
        return "Issuer";
    }

    @Override
    protected IssuerRow create(ProjectedEvent created) {
        return new IssuerRow(created.aggregateId(), created.position());
    }

    @Override
    protected void change(IssuerRow issuer, ProjectedEvent event) {
        // An issuer has nothing to show but its existence.
    }
}

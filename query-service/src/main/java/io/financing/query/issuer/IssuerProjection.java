package io.financing.query.issuer;

import io.financing.api.event.IssuerEvent;
import io.financing.api.event.IssuerEvent.IssuerCreated;
import io.financing.query.projection.ProjectedEvent;
import io.financing.query.projection.RowProjection;
import org.springframework.stereotype.Component;

@Component
class IssuerProjection extends RowProjection<IssuerRow, IssuerEvent, IssuerCreated> {

    IssuerProjection(IssuerRows rows) {
        super(rows, IssuerEvent.class, IssuerCreated.class);
    }

    @Override
    public String aggregateType() {
        return "Issuer";
    }

    @Override
    public String readModel() {
        return "issuers";
    }

    @Override
    protected IssuerRow create(ProjectedEvent at, IssuerCreated created) {
        return new IssuerRow(at.aggregateId(), at.position());
    }

    @Override
    protected void change(IssuerRow issuer, IssuerEvent event) {
        switch (event) {
            case IssuerCreated created -> {
                // An issuer has nothing to show but its existence.
            }
        }
    }
}

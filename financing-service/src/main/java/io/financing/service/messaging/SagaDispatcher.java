package io.financing.service.messaging;

import io.financing.eventstore.EventMetadata;
import io.financing.eventstore.StoredEvent;
import io.financing.service.investor.InvestorEvent.BidOnInvoicePlaced;
import io.financing.service.invoice.InvoiceEvent.BidOnInvoiceRejected;
import io.financing.service.invoice.InvoiceEvent.InvoiceApproved;
import io.financing.service.invoice.InvoiceEvent.InvoiceFinanced;
import io.financing.service.invoice.InvoiceEvent.InvoiceReversed;
import io.financing.service.saga.FinancingSaga;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import tools.jackson.databind.json.JsonMapper;

/** Hands each domain event the saga reacts to over to its step; the saga ignores all others. */
public final class SagaDispatcher {

    /** One table of the saga's steps, by event name: what it reacts to is exactly what it can dispatch. */
    private final Map<String, BiFunction<String, EventMetadata, List<StoredEvent>>> steps;

    public SagaDispatcher(FinancingSaga saga, JsonMapper json) {
        this.steps = Map.of(
                "BidOnInvoicePlaced", (data, metadata) -> saga.on(json.readValue(data, BidOnInvoicePlaced.class), metadata),
                "BidOnInvoiceRejected", (data, metadata) -> saga.on(json.readValue(data, BidOnInvoiceRejected.class),
                        metadata),
                "InvoiceFinanced", (data, metadata) -> saga.on(json.readValue(data, InvoiceFinanced.class), metadata),
                "InvoiceApproved", (data, metadata) -> saga.on(json.readValue(data, InvoiceApproved.class), metadata),
                "InvoiceReversed", (data, metadata) -> saga.on(json.readValue(data, InvoiceReversed.class), metadata));
    }

    public boolean reactsTo(String name) {
        return steps.containsKey(name);
    }

    /** @return the events the reaction stored; empty for an event the saga does not react to */
    public List<StoredEvent> dispatch(String name, String data, EventMetadata metadata) {
        var step = steps.get(name);
        return step == null ? List.of() : step.apply(data, metadata);
    }
}

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
import tools.jackson.databind.json.JsonMapper;

/** Hands each domain event the saga reacts to over to its step; the saga ignores all others. */
public final class SagaDispatcher {

    private final FinancingSaga saga;
    private final JsonMapper json;

    public SagaDispatcher(FinancingSaga saga, JsonMapper json) {
        this.saga = saga;
        this.json = json;
    }

    private static final java.util.Set<String> REACTS_TO = java.util.Set.of("BidOnInvoicePlaced",
            "BidOnInvoiceRejected", "InvoiceFinanced", "InvoiceApproved", "InvoiceReversed");

    public boolean reactsTo(String name) {
        return REACTS_TO.contains(name);
    }

    /** @return the events the reaction stored; empty for an event the saga does not react to */
    public List<StoredEvent> dispatch(String name, String data, EventMetadata metadata) {
        return switch (name) {
            case "BidOnInvoicePlaced" -> saga.on(json.readValue(data, BidOnInvoicePlaced.class), metadata);
            case "BidOnInvoiceRejected" -> saga.on(json.readValue(data, BidOnInvoiceRejected.class), metadata);
            case "InvoiceFinanced" -> saga.on(json.readValue(data, InvoiceFinanced.class), metadata);
            case "InvoiceApproved" -> saga.on(json.readValue(data, InvoiceApproved.class), metadata);
            case "InvoiceReversed" -> saga.on(json.readValue(data, InvoiceReversed.class), metadata);
            default -> List.of();
        };
    }
}

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
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/** Hands each domain event the saga reacts to over to its step; the saga ignores all others. */
public final class SagaDispatcher {

    /** A step of the saga, ready to run for one event. */
    @FunctionalInterface
    public interface Step {
        /** @return the events the step stored */
        List<StoredEvent> run(EventMetadata metadata);
    }

    /** One table of the saga's steps, by event name: what it reacts to is exactly what it can dispatch. */
    private final Map<String, Function<String, Optional<Step>>> steps;

    public SagaDispatcher(FinancingSaga saga, JsonMapper json) {
        this.steps = Map.of(
                "BidOnInvoicePlaced", data -> step(json.readValue(data, BidOnInvoicePlaced.class), saga::on),
                "BidOnInvoiceRejected", data -> step(json.readValue(data, BidOnInvoiceRejected.class), saga::on),
                "InvoiceFinanced", data -> {
                    InvoiceFinanced financed = json.readValue(data, InvoiceFinanced.class);
                    // Most bids are at the asking price: no excess to release, so no transaction to run.
                    return saga.releasesExcess(financed) ? step(financed, saga::on) : Optional.empty();
                },
                "InvoiceApproved", data -> step(json.readValue(data, InvoiceApproved.class), saga::on),
                "InvoiceReversed", data -> step(json.readValue(data, InvoiceReversed.class), saga::on));
    }

    private static <E> Optional<Step> step(E event, BiFunction<E, EventMetadata, List<StoredEvent>> on) {
        return Optional.of(metadata -> on.apply(event, metadata));
    }

    /** Whether the saga has a step for events of this name (some of which may still ask nothing of it). */
    public boolean reactsTo(String name) {
        return steps.containsKey(name);
    }

    /** The saga's step for this event, or none when the event asks nothing of the saga. */
    public Optional<Step> stepFor(String name, String data) {
        var step = steps.get(name);
        return step == null ? Optional.empty() : step.apply(data);
    }
}

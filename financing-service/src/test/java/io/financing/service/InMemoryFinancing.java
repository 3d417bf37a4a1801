package io.financing.service;

import io.financing.api.Money;
import io.financing.api.access.Caller;
import io.financing.api.command.Command;
import io.financing.api.command.CommandMessage;
import io.financing.api.json.EventJson;
import io.financing.eventstore.AggregateRepository;
import io.financing.eventstore.EventMetadata;
import io.financing.eventstore.InMemoryEventStore;
import io.financing.eventstore.StoredEvent;
import io.financing.service.investor.BiddingOnInvoice;
import io.financing.service.investor.Investor;
import io.financing.service.investor.RegisteringInvestor;
import io.financing.service.invoice.DecidingOnFinancing;
import io.financing.service.invoice.Invoice;
import io.financing.service.invoice.SellingInvoice;
import io.financing.service.issuer.Issuer;
import io.financing.service.issuer.RegisteringIssuer;
import io.financing.service.messaging.CommandDispatcher;
import io.financing.service.saga.FinancingSaga;
import io.financing.service.store.EventSourcedAggregates;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole Financing context over an in-memory event store, with the saga driven synchronously:
 * after each message, every new event is handed to the saga until nothing new happens. What the
 * service does through Kafka, without Kafka. ({@link Deliveries} drives the same parts as Kafka's
 * deliveries would, out of step.)
 */
final class InMemoryFinancing {

    /** One for all: a mapper is costly to build, and property tests build thousands of these. */
    private static final JsonMapper JSON = EventJson.mapper();

    final InMemoryEventStore store = new InMemoryEventStore();
    final AggregateRepository<Investor, ?, ?> investors;
    final AggregateRepository<Invoice, ?, ?> invoices;
    final RegisteringIssuer registeringIssuer;
    final RegisteringInvestor registeringInvestor;
    final CommandDispatcher commands;
    final FinancingSaga saga;
    private long settledPosition;

    InMemoryFinancing() {
        JsonMapper json = JSON;
        var settings = AggregateRepository.Settings.DEFAULT;
        var issuerRepository = new AggregateRepository<>(store, Issuer.TYPE, json, Clock.systemUTC(), settings);
        var investorRepository = new AggregateRepository<>(store, Investor.TYPE, json, Clock.systemUTC(), settings);
        var invoiceRepository = new AggregateRepository<>(store, Invoice.TYPE, json, Clock.systemUTC(), settings);
        investors = investorRepository;
        invoices = invoiceRepository;
        var issuerAggregates = new EventSourcedAggregates<>(issuerRepository, Issuer::notRegistered);
        var investorAggregates = new EventSourcedAggregates<>(investorRepository, Investor::notRegistered);
        var invoiceAggregates = new EventSourcedAggregates<>(invoiceRepository, Invoice::doesNotExist);
        registeringIssuer = new RegisteringIssuer(issuerAggregates);
        registeringInvestor = new RegisteringInvestor(investorAggregates);
        commands = new CommandDispatcher(new SellingInvoice(issuerAggregates, invoiceAggregates),
                new BiddingOnInvoice(investorAggregates, invoiceAggregates), new DecidingOnFinancing(invoiceAggregates));
        saga = new FinancingSaga(investorAggregates, invoiceAggregates);
    }

    UUID issuerRegistered() {
        UUID id = UUID.randomUUID();
        registeringIssuer.handle(id, EventMetadata.causedBy(UUID.randomUUID()));
        settle();
        return id;
    }

    UUID investorRegistered(String balance) {
        UUID id = UUID.randomUUID();
        registeringInvestor.handle(id, Money.of(balance), EventMetadata.causedBy(UUID.randomUUID()));
        settle();
        return id;
    }

    /** Handles the command and lets the saga run to its end; returns the names of every event that followed. */
    List<String> send(Command command) {
        long before = settledPosition;
        UUID commandId = UUID.randomUUID();
        commands.dispatch(CommandMessage.of(commandId, Instant.EPOCH, Caller.ANYONE, command),
                EventMetadata.causedBy(commandId));
        settle();
        return store.all().stream().filter(event -> event.position() > before).map(StoredEvent::name).toList();
    }

    private void settle() {
        List<StoredEvent> pending = new ArrayList<>(newEvents());
        while (!pending.isEmpty()) {
            StoredEvent event = pending.remove(0);
            settledPosition = event.position();
            EventJson.readStored(event.name(), event.data()).flatMap(saga::stepFor)
                    .ifPresent(step -> step.run(event.metadata().causedNext(event.eventId())));
            pending = new ArrayList<>(newEvents());
        }
    }

    private List<StoredEvent> newEvents() {
        return store.all().stream().filter(event -> event.position() > settledPosition).toList();
    }

    Investor investor(UUID id) {
        return investors.load(id).orElseThrow();
    }

    Invoice invoice(UUID id) {
        return invoices.load(id).orElseThrow();
    }
}

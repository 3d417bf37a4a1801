package io.financing.service;

import io.financing.api.event.InvestorEvent;
import io.financing.api.event.InvoiceEvent;
import io.financing.api.event.IssuerEvent;
import io.financing.api.json.EventJson;
import io.financing.eventstore.AggregateRepository;
import io.financing.eventstore.EventStore;
import io.financing.eventstore.EventStoreSchema;
import io.financing.eventstore.EventsStoredNotifier;
import io.financing.eventstore.PostgresEventStore;
import io.financing.eventstore.ProcessedMessages;
import io.financing.service.investor.BiddingOnInvoice;
import io.financing.service.investor.Investor;
import io.financing.service.investor.RegisteringInvestor;
import io.financing.service.invoice.DecidingOnFinancing;
import io.financing.service.invoice.Invoice;
import io.financing.service.invoice.SellingInvoice;
import io.financing.service.issuer.Issuer;
import io.financing.service.issuer.RegisteringIssuer;
import io.financing.service.messaging.CommandDispatcher;
import io.financing.service.messaging.RegisteringDispatcher;
import io.financing.service.outcome.CommandOutcomes;
import io.financing.service.saga.FinancingSaga;
import io.financing.service.store.EventSourcedAggregates;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import tools.jackson.databind.json.JsonMapper;

/** The domain's use cases and saga, wired to the event store. */
@Configuration(proxyBeanMethods = false)
class FinancingConfiguration {

    @Bean
    JsonMapper financingJson() {
        return EventJson.mapper();
    }

    @Bean
    EventsStoredNotifier eventsStoredNotifier(DataSource dataSource, FinancingProperties properties) {
        return new EventsStoredNotifier(dataSource, properties.notifyInterval());
    }

    @Bean
    EventStore eventStore(DataSource dataSource, EventsStoredNotifier notifier) {
        EventStoreSchema.migrate(dataSource);
        return new PostgresEventStore(dataSource, notifier);
    }

    @Bean
    @DependsOn("eventStore") // which creates the tables
    ProcessedMessages processedMessages(DataSource dataSource) {
        return new ProcessedMessages(dataSource);
    }

    @Bean
    AggregateRepository<Issuer, IssuerEvent, Void> issuers(EventStore store, JsonMapper json, FinancingProperties properties,
                                                     MeterRegistry meters) {
        return new AggregateRepository<>(store, Issuer.TYPE, json, Clock.systemUTC(), properties.repository(), meters);
    }

    @Bean
    AggregateRepository<Investor, InvestorEvent, Investor.State> investors(EventStore store, JsonMapper json,
                                                           FinancingProperties properties, MeterRegistry meters) {
        return new AggregateRepository<>(store, Investor.TYPE, json, Clock.systemUTC(), properties.repository(), meters);
    }

    @Bean
    AggregateRepository<Invoice, InvoiceEvent, Invoice.State> invoices(EventStore store, JsonMapper json,
                                                        FinancingProperties properties, MeterRegistry meters) {
        return new AggregateRepository<>(store, Invoice.TYPE, json, Clock.systemUTC(), properties.repository(), meters);
    }

    @Bean
    Aggregates<Issuer> issuerAggregates(AggregateRepository<Issuer, ?, ?> issuers) {
        return new EventSourcedAggregates<>(issuers, Issuer::notRegistered);
    }

    @Bean
    Aggregates<Investor> investorAggregates(AggregateRepository<Investor, ?, ?> investors) {
        return new EventSourcedAggregates<>(investors, Investor::notRegistered);
    }

    @Bean
    Aggregates<Invoice> invoiceAggregates(AggregateRepository<Invoice, ?, ?> invoices) {
        return new EventSourcedAggregates<>(invoices, Invoice::doesNotExist);
    }

    @Bean
    CommandDispatcher commandDispatcher(Aggregates<Issuer> issuers, Aggregates<Investor> investors,
                                        Aggregates<Invoice> invoices) {
        return new CommandDispatcher(new SellingInvoice(issuers, invoices), new BiddingOnInvoice(investors, invoices),
                new DecidingOnFinancing(invoices));
    }

    @Bean
    RegisteringDispatcher registeringDispatcher(Aggregates<Issuer> issuers, Aggregates<Investor> investors) {
        return new RegisteringDispatcher(new RegisteringIssuer(issuers), new RegisteringInvestor(investors));
    }

    @Bean
    FinancingSaga financingSaga(Aggregates<Investor> investors, Aggregates<Invoice> invoices) {
        return new FinancingSaga(investors, invoices);
    }

    @Bean
    CommandOutcomes commandOutcomes(JsonMapper json) {
        return new CommandOutcomes(json, Clock.systemUTC());
    }
}

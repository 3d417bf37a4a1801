package io.financing.service;

import io.financing.eventstore.AggregateRepository;
import io.financing.eventstore.EventStore;
import io.financing.eventstore.EventStoreSchema;
import io.financing.eventstore.EventsStoredNotifier;
import io.financing.eventstore.PostgresEventStore;
import io.financing.eventstore.ProcessedMessages;
import io.financing.service.investor.BiddingOnInvoice;
import io.financing.service.investor.Investor;
import io.financing.service.investor.InvestorEvent;
import io.financing.service.investor.RegisteringInvestor;
import io.financing.service.invoice.DecidingOnFinancing;
import io.financing.service.invoice.Invoice;
import io.financing.service.invoice.InvoiceEvent;
import io.financing.service.invoice.SellingInvoice;
import io.financing.service.issuer.Issuer;
import io.financing.service.issuer.IssuerEvent;
import io.financing.service.issuer.RegisteringIssuer;
import io.financing.service.json.FinancingJson;
import io.financing.service.messaging.CommandDispatcher;
import io.financing.service.messaging.RegisteringDispatcher;
import io.financing.service.messaging.SagaDispatcher;
import io.financing.service.outcome.CommandOutcomes;
import io.financing.service.saga.FinancingSaga;
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
        return FinancingJson.mapper();
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
    AggregateRepository<Issuer, IssuerEvent> issuers(EventStore store, JsonMapper json, FinancingProperties properties) {
        return new AggregateRepository<>(store, Issuer.TYPE, json, Clock.systemUTC(), properties.repository());
    }

    @Bean
    AggregateRepository<Investor, InvestorEvent> investors(EventStore store, JsonMapper json,
                                                           FinancingProperties properties) {
        return new AggregateRepository<>(store, Investor.TYPE, json, Clock.systemUTC(), properties.repository());
    }

    @Bean
    AggregateRepository<Invoice, InvoiceEvent> invoices(EventStore store, JsonMapper json,
                                                        FinancingProperties properties) {
        return new AggregateRepository<>(store, Invoice.TYPE, json, Clock.systemUTC(), properties.repository());
    }

    @Bean
    CommandDispatcher commandDispatcher(AggregateRepository<Issuer, IssuerEvent> issuers,
                                        AggregateRepository<Investor, InvestorEvent> investors,
                                        AggregateRepository<Invoice, InvoiceEvent> invoices) {
        return new CommandDispatcher(new SellingInvoice(issuers, invoices), new BiddingOnInvoice(investors, invoices),
                new DecidingOnFinancing(invoices));
    }

    @Bean
    RegisteringDispatcher registeringDispatcher(AggregateRepository<Issuer, IssuerEvent> issuers,
                                                AggregateRepository<Investor, InvestorEvent> investors) {
        return new RegisteringDispatcher(new RegisteringIssuer(issuers), new RegisteringInvestor(investors));
    }

    @Bean
    SagaDispatcher sagaDispatcher(AggregateRepository<Investor, InvestorEvent> investors,
                                  AggregateRepository<Invoice, InvoiceEvent> invoices, JsonMapper json) {
        return new SagaDispatcher(new FinancingSaga(investors, invoices), json);
    }

    @Bean
    CommandOutcomes commandOutcomes(EventStore store, JsonMapper json) {
        return new CommandOutcomes(store, json, Clock.systemUTC());
    }
}

package io.financing.query.grpc;

import io.financing.grpc.edge.UnreadableRequests;
import io.financing.query.command.CommandStatusRows;
import io.financing.query.investor.InvestorRows;
import io.financing.query.invoice.InvoiceRows;
import io.financing.query.issuer.IssuerRows;
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class QueriesConfiguration {

    /** {@code financing.v1.Queries}; a request that is not even its message is refused as clearly as a bad field. */
    @Bean
    BindableService queries(InvestorRows investors, InvoiceRows invoices, IssuerRows issuers,
                            CommandStatusRows commandStatuses) {
        ServerServiceDefinition service = UnreadableRequests.refusedClearly(
                new QueriesEndpoint(investors, invoices, issuers, commandStatuses).bindService());
        return () -> service;
    }

}

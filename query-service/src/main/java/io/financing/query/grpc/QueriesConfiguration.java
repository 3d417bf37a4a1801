package io.financing.query.grpc;

import io.financing.access.Callers;
import io.financing.api.v1.QueriesGrpc;
import io.financing.grpc.edge.ServingFollowsReadiness;
import io.financing.grpc.edge.UnreadableRequests;
import io.financing.query.command.CommandStatusRows;
import io.financing.query.command.CommandWatches;
import io.financing.query.investor.InvestorRows;
import io.financing.query.invoice.InvoiceRows;
import io.financing.query.issuer.IssuerRows;
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import io.grpc.protobuf.services.HealthStatusManager;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class QueriesConfiguration {

    /** {@code financing.v1.Queries}; a request that is not even its message is refused as clearly as a bad field. */
    @Bean
    BindableService queries(InvestorRows investors, InvoiceRows invoices, IssuerRows issuers,
                            CommandStatusRows commandStatuses, CommandWatches watches, Callers callers) {
        ServerServiceDefinition service = UnreadableRequests.refusedClearly(
                new QueriesEndpoint(investors, invoices, issuers, commandStatuses, watches, callers).bindService());
        return () -> service;
    }

    /** gRPC health, for the server and for {@code Queries} by name, follows readiness. */
    @Bean
    ServingFollowsReadiness servingFollowsReadiness(HealthStatusManager health, HealthEndpoint readiness,
                                                    @Value("${financing.grpc.health-interval:1s}") Duration interval) {
        return new ServingFollowsReadiness(health, readiness, interval, QueriesGrpc.SERVICE_NAME);
    }
}

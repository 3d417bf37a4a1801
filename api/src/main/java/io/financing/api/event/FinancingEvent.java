package io.financing.api.event;

/**
 * Everything published on {@code financing.events}: the domain events of each aggregate, and the outcome
 * of each command. Each kind is a record whose {@code @JsonTypeName} is its name on the wire, written
 * there once; {@link EventNames} reads it. A switch over a family is exhaustive: a consumer that forgets
 * an event does not compile.
 */
public sealed interface FinancingEvent permits InvestorEvent, InvoiceEvent, IssuerEvent, CommandOutcome {
}

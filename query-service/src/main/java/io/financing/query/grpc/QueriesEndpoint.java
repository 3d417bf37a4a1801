package io.financing.query.grpc;

import io.financing.access.Callers;
import io.financing.api.CanonicalUuid;
import io.financing.api.access.Caller;
import io.financing.api.access.Caller.Role;
import io.financing.api.v1.AllInvestorsReply;
import io.financing.api.v1.AllInvoicesReply;
import io.financing.api.v1.AllIssuersReply;
import io.financing.api.v1.Bid;
import io.financing.api.v1.CausedEvent;
import io.financing.api.v1.CommandProgress;
import io.financing.api.v1.CommandStatus;
import io.financing.api.v1.CommandStatusRequest;
import io.financing.api.v1.Investor;
import io.financing.api.v1.Invoice;
import io.financing.api.v1.InvoiceStatus;
import io.financing.api.v1.Issuer;
import io.financing.api.v1.Money;
import io.financing.api.v1.PageRequest;
import io.financing.api.v1.QueriesGrpc;
import io.financing.api.v1.UUID;
import io.financing.eventstore.Outages;
import io.financing.query.command.CommandStatusRow;
import io.financing.query.command.CommandStatusRows;
import io.financing.query.command.CommandWatches;
import io.financing.query.investor.InvestorRow;
import io.financing.query.investor.InvestorRows;
import io.financing.query.invoice.InvoiceRow;
import io.financing.query.invoice.InvoiceRows;
import io.financing.query.issuer.IssuerRows;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code financing.v1.Queries}, answered from the read models. Invoices and issuers are for every caller;
 * an investor's row, and what became of a command, only for that party and for operators. Whether a caller
 * may see a party's row is decided before the row is looked for, so a refusal tells nothing of it.
 */
class QueriesEndpoint extends QueriesGrpc.QueriesImplBase {

    private final InvestorRows investors;
    private final InvoiceRows invoices;
    private final IssuerRows issuers;
    private final CommandStatusRows commandStatuses;
    private final CommandWatches watches;
    private final Callers callers;

    QueriesEndpoint(InvestorRows investors, InvoiceRows invoices, IssuerRows issuers,
                    CommandStatusRows commandStatuses, CommandWatches watches, Callers callers) {
        this.investors = investors;
        this.invoices = invoices;
        this.issuers = issuers;
        this.commandStatuses = commandStatuses;
        this.watches = watches;
        this.callers = callers;
    }

    /** Every investor to an operator; to an investor, its own row; to an issuer, none. */
    @Override
    public void allInvestors(PageRequest request, StreamObserver<AllInvestorsReply> response) {
        Caller caller = callers.current();
        answer(response, () -> {
            var page = Pages.read(request, (after, limit) -> caller.isOperator()
                    ? investors.createdAfter(after, limit)
                    : caller.partyId(Role.INVESTOR).map(own -> investors.ownCreatedAfter(own, after, limit))
                            .orElse(List.of()));
            return AllInvestorsReply.newBuilder()
                    .addAllInvestors(page.rows().stream().map(QueriesEndpoint::investor).toList())
                    .setNextPageToken(page.nextToken()).build();
        });
    }

    @Override
    public void allInvoices(PageRequest request, StreamObserver<AllInvoicesReply> response) {
        answer(response, () -> {
            var page = Pages.read(request, invoices::createdAfter);
            return AllInvoicesReply.newBuilder()
                    .addAllInvoices(page.rows().stream().map(QueriesEndpoint::invoice).toList())
                    .setNextPageToken(page.nextToken()).build();
        });
    }

    @Override
    public void allIssuers(PageRequest request, StreamObserver<AllIssuersReply> response) {
        answer(response, () -> {
            var page = Pages.read(request, issuers::createdAfter);
            return AllIssuersReply.newBuilder()
                    .addAllIssuers(page.rows().stream().map(row -> Issuer.newBuilder().setId(uuid(row.id())).build())
                            .toList())
                    .setNextPageToken(page.nextToken()).build();
        });
    }

    @Override
    public void getInvestor(UUID request, StreamObserver<Investor> response) {
        Caller caller = callers.current();
        answer(response, () -> {
            java.util.UUID investorId = id(request);
            if (!caller.actsFor(Role.INVESTOR, investorId)) {
                throw denied(caller + " may read only its own investor row");
            }
            return investors.findById(investorId).map(QueriesEndpoint::investor)
                    .orElseThrow(() -> notFound("investor", request));
        });
    }

    @Override
    public void getInvoice(UUID request, StreamObserver<Invoice> response) {
        answer(response, () -> invoices.findById(id(request)).map(QueriesEndpoint::invoice)
                .orElseThrow(() -> notFound("invoice", request)));
    }

    /**
     * What became of a command, to the caller who sent it and to operators. Until it is processed nobody
     * knows whose it is: it is UNKNOWN to every caller.
     */
    @Override
    public void getCommandStatus(CommandStatusRequest request, StreamObserver<CommandStatus> response) {
        Caller caller = callers.current();
        answer(response, () -> {
            java.util.UUID commandId = parse("command_id", request.getCommandId());
            Optional<CommandStatusRow> row = commandStatuses.findById(commandId);
            if (row.isPresent() && !caller.actsFor(row.get().issuedBy())) {
                throw denied(caller + " may read only what became of its own commands");
            }
            return status(commandId, row);
        });
    }

    /**
     * What a command caused, as it happens, to those who may read its status: a message at once, then one each
     * time it moves on, until it is settled or the client's deadline passes (or the client cancels: the watch is
     * closed at once). A command that is not known (yet) is watched all the same: it may still be in the queue.
     */
    @Override
    public void watchCommand(CommandStatusRequest request, StreamObserver<CommandProgress> response) {
        Caller caller = callers.current();
        java.util.UUID commandId;
        try {
            commandId = parse("command_id", request.getCommandId());
        } catch (InvalidQueryException e) {
            response.onError(e.answer());
            return;
        }
        var call = (ServerCallStreamObserver<CommandProgress>) response;
        var stream = new ProgressStream(caller, call);
        call.setOnCancelHandler(() -> watches.forget(commandId, stream));
        watches.watch(commandId, stream);
    }

    static CommandProgress progress(io.financing.query.command.CommandProgress progress) {
        return CommandProgress.newBuilder().setStatus(status(progress.commandId(), progress.status()))
                .addAllEvents(progress.events().stream().map(QueriesEndpoint::causedEvent).toList())
                .setSettled(progress.settled()).build();
    }

    private static CommandStatus status(java.util.UUID commandId, Optional<CommandStatusRow> row) {
        var status = CommandStatus.newBuilder().setCommandId(commandId.toString());
        row.ifPresentOrElse(known -> status.setState(CommandStatus.State.valueOf(known.state()))
                .setReason(known.reason()).addAllEventIds(known.eventIds()),
                () -> status.setState(CommandStatus.State.UNKNOWN));
        return status.build();
    }

    private static CausedEvent causedEvent(io.financing.query.command.CausedEvent event) {
        return CausedEvent.newBuilder().setEventId(event.eventId().toString()).setName(event.name())
                .setAggregateType(event.aggregateType()).setAggregateId(uuid(event.aggregateId()))
                .setVersion(event.version()).build();
    }

    /** Answers with what the query gives, or with the status its failure stands for. */
    private static <R> void answer(StreamObserver<R> response, Supplier<R> query) {
        try {
            response.onNext(query.get());
            response.onCompleted();
        } catch (InvalidQueryException e) {
            response.onError(e.answer());
        } catch (Refused e) {
            response.onError(e.status.asRuntimeException());
        } catch (RuntimeException e) {
            if (!Outages.causedBy(e)) {
                throw e;
            }
            response.onError(Status.UNAVAILABLE.withDescription("The read models' database is unavailable; retry")
                    .withCause(e).asRuntimeException());
        }
    }

    private static java.util.UUID id(UUID request) {
        return parse("value", request.getValue());
    }

    private static java.util.UUID parse(String field, String text) {
        return CanonicalUuid.parse(text)
                .orElseThrow(() -> new InvalidQueryException(field + " must be " + CanonicalUuid.EXPECTED));
    }

    private static Refused notFound(String what, UUID id) {
        return new Refused(Status.NOT_FOUND.withDescription("No " + what + " " + id.getValue().toLowerCase()));
    }

    /** A query answered with that status instead: nothing there, or another party's. */
    private static final class Refused extends RuntimeException {
        private final Status status;

        Refused(Status status) {
            super(status.getDescription(), null, false, false);
            this.status = status;
        }
    }

    private static Refused denied(String description) {
        return new Refused(Status.PERMISSION_DENIED.withDescription(description));
    }

    private static Investor investor(InvestorRow row) {
        return Investor.newBuilder().setId(uuid(row.id())).setBalance(money(row.balance()))
                .setReserved(money(row.reserved())).setCommitted(money(row.committed())).build();
    }

    private static Invoice invoice(InvoiceRow row) {
        var invoice = Invoice.newBuilder().setId(uuid(row.id())).setIssuerId(uuid(row.issuerId()))
                .setAskingPrice(money(row.askingPrice())).setStatus(InvoiceStatus.valueOf(row.status()));
        if (row.winningInvestorId() != null) {
            invoice.setWinningBid(Bid.newBuilder().setInvestorId(uuid(row.winningInvestorId()))
                    .setAmount(money(row.winningAmount())));
        }
        return invoice.build();
    }

    private static UUID uuid(java.util.UUID id) {
        return UUID.newBuilder().setValue(id.toString()).build();
    }

    private static Money money(BigDecimal amount) {
        return Money.newBuilder().setAmount(new io.financing.api.Money(amount).toString()).build();
    }
}

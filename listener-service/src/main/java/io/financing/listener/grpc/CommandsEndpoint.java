package io.financing.listener.grpc;

import io.financing.access.Callers;
import io.financing.api.access.Caller;
import io.financing.api.command.CommandMessage;
import io.financing.api.v1.ApproveFinancingCommand;
import io.financing.api.v1.BidOnInvoiceCommand;
import io.financing.api.v1.CommandReply;
import io.financing.api.v1.CommandsGrpc;
import io.financing.api.v1.ReverseFinancingCommand;
import io.financing.api.v1.SellInvoiceCommand;
import io.financing.api.v1.SellInvoiceReply;
import io.financing.api.v1.UUID;
import io.financing.listener.command.CommandParser;
import io.financing.listener.command.InvalidCommandException;
import io.financing.listener.queue.CommandQueue;
import io.grpc.stub.StreamObserver;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code financing.v1.Commands}: each command is checked, enqueued, and answered once Kafka holds it.
 * Its domain outcome comes later, through the query side's GetCommandStatus. A caller acting for another
 * party is refused here, with nothing enqueued ({@link Caller#maySend}).
 */
class CommandsEndpoint extends CommandsGrpc.CommandsImplBase {

    private static final Logger log = LoggerFactory.getLogger(CommandsEndpoint.class);

    private final CommandParser parser;
    private final CommandQueue queue;
    private final Callers callers;

    CommandsEndpoint(CommandParser parser, CommandQueue queue, Callers callers) {
        this.parser = parser;
        this.queue = queue;
        this.callers = callers;
    }

    @Override
    public void sellInvoice(SellInvoiceCommand request, StreamObserver<SellInvoiceReply> response) {
        accept(caller -> parser.sellInvoice(request, caller), response, command -> SellInvoiceReply.newBuilder()
                .setInvoiceId(UUID.newBuilder().setValue(command.aggregateId().toString()))
                .setCommandId(command.commandId().toString())
                .build());
    }

    @Override
    public void bidOnInvoice(BidOnInvoiceCommand request, StreamObserver<CommandReply> response) {
        accept(caller -> parser.bidOnInvoice(request, caller), response, CommandsEndpoint::reply);
    }

    @Override
    public void approveFinancing(ApproveFinancingCommand request, StreamObserver<CommandReply> response) {
        accept(caller -> parser.approveFinancing(request, caller), response, CommandsEndpoint::reply);
    }

    @Override
    public void reverseFinancing(ReverseFinancingCommand request, StreamObserver<CommandReply> response) {
        accept(caller -> parser.reverseFinancing(request, caller), response, CommandsEndpoint::reply);
    }

    /**
     * Parses, enqueues, and answers only once the queue holds the command; an invalid one, or one its caller
     * may not send, is never enqueued.
     */
    private <R> void accept(Function<Caller, CommandMessage> parse, StreamObserver<R> response,
                            Function<CommandMessage, R> reply) {
        Caller caller = callers.current();
        CommandMessage command;
        try {
            command = parse.apply(caller);
        } catch (InvalidCommandException e) {
            response.onError(GrpcErrors.invalidArgument(e));
            return;
        }
        if (!caller.maySend(command.data())) {
            response.onError(GrpcErrors.permissionDenied(caller, command));
            return;
        }
        queue.enqueue(command).whenComplete((enqueued, failure) -> {
            if (failure == null) {
                response.onNext(reply.apply(command));
                response.onCompleted();
            } else {
                log.warn("Command {} ({}) was not enqueued", command.commandId(), command.name(), failure);
                response.onError(GrpcErrors.queueUnavailable(command, failure));
            }
        });
    }

    private static CommandReply reply(CommandMessage command) {
        return CommandReply.newBuilder().setCommandId(command.commandId().toString()).build();
    }
}

package io.financing.listener.command;

import io.financing.api.access.Caller;
import io.financing.api.command.ApproveFinancing;
import io.financing.api.command.BidOnInvoice;
import io.financing.api.command.Command;
import io.financing.api.command.CommandMessage;
import io.financing.api.command.ReverseFinancing;
import io.financing.api.command.SellInvoice;
import io.financing.api.v1.ApproveFinancingCommand;
import io.financing.api.v1.BidOnInvoiceCommand;
import io.financing.api.v1.ReverseFinancingCommand;
import io.financing.api.v1.SellInvoiceCommand;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns the gRPC requests into the messages enqueued on {@code financing.commands}, checking their
 * format only: whether the issuer exists or the balance suffices is the domain's business, later. Each
 * message carries its caller, whom the invoice checks a decision against.
 *
 * @throws InvalidCommandException from every method, naming each field at fault
 */
public final class CommandParser {

    private final Clock clock;
    private final Supplier<UUID> newCommandIds;

    public CommandParser(Clock clock, Supplier<UUID> newCommandIds) {
        this.clock = clock;
        this.newCommandIds = newCommandIds;
    }

    public CommandMessage sellInvoice(SellInvoiceCommand request, Caller caller) {
        var fields = new Fields();
        UUID issuerId = fields.uuid("issuer_id", request.hasIssuerId(), request.getIssuerId().getValue());
        BigDecimal askingPrice = fields.money("asking_price", request.hasAskingPrice(),
                request.getAskingPrice().getAmount());
        UUID commandId = commandId(fields, request.getCommandId());
        fields.orThrow();
        return message(commandId, caller, new SellInvoice(InvoiceIds.forCommand(commandId), issuerId, askingPrice));
    }

    public CommandMessage bidOnInvoice(BidOnInvoiceCommand request, Caller caller) {
        var fields = new Fields();
        UUID investorId = fields.uuid("investor_id", request.hasInvestorId(), request.getInvestorId().getValue());
        UUID invoiceId = fields.uuid("invoice_id", request.hasInvoiceId(), request.getInvoiceId().getValue());
        BigDecimal bid = fields.money("bid", request.hasBid(), request.getBid().getAmount());
        UUID commandId = commandId(fields, request.getCommandId());
        fields.orThrow();
        return message(commandId, caller, new BidOnInvoice(investorId, invoiceId, bid));
    }

    public CommandMessage approveFinancing(ApproveFinancingCommand request, Caller caller) {
        return issuerDecision(request.hasInvoiceId(), request.getInvoiceId(), request.getCommandId(), caller,
                ApproveFinancing::new);
    }

    public CommandMessage reverseFinancing(ReverseFinancingCommand request, Caller caller) {
        return issuerDecision(request.hasInvoiceId(), request.getInvoiceId(), request.getCommandId(), caller,
                ReverseFinancing::new);
    }

    /** Approve and reverse: the issuer decides on a financed invoice, named by its id alone. */
    private CommandMessage issuerDecision(boolean hasInvoiceId, io.financing.api.v1.UUID invoiceIdField,
                                          String givenCommandId, Caller caller, Function<UUID, Command> decision) {
        var fields = new Fields();
        UUID invoiceId = fields.uuid("invoice_id", hasInvoiceId, invoiceIdField.getValue());
        UUID commandId = commandId(fields, givenCommandId);
        fields.orThrow();
        return message(commandId, caller, decision.apply(invoiceId));
    }

    /** The client's command id, or a new one when it gave none. */
    private UUID commandId(Fields fields, String given) {
        UUID commandId = fields.optionalUuid("command_id", given);
        return given.isEmpty() ? newCommandIds.get() : commandId;
    }

    private CommandMessage message(UUID commandId, Caller caller, Command command) {
        return CommandMessage.of(commandId, clock.instant(), caller, command);
    }
}

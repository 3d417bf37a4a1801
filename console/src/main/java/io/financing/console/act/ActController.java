package io.financing.console.act;

import io.financing.api.v1.ApproveFinancingCommand;
import io.financing.api.v1.BidOnInvoiceCommand;
import io.financing.api.v1.CommandsGrpc.CommandsBlockingStub;
import io.financing.api.v1.Money;
import io.financing.api.v1.ReverseFinancingCommand;
import io.financing.api.v1.SellInvoiceCommand;
import io.financing.api.v1.UUID;
import io.financing.console.Calls;
import io.financing.populate.RegisteringPublisher;
import io.financing.populate.Registration;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.KafkaException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The act page's forms: parties registered through {@code registering.events}, as the populate tool registers them,
 * and every command sent through the listener, as any client sends it, each with a command id of the console's
 * making, so that the page can follow it at once.
 */
@RestController
class ActController {

    private final CommandsBlockingStub commands;
    private final RegisteringPublisher registering;
    private final Calls calls;

    ActController(CommandsBlockingStub commands, RegisteringPublisher registering, Calls calls) {
        this.commands = commands;
        this.registering = registering;
        this.calls = calls;
    }

    @PostMapping("/api/act/issuers")
    Mono<Forms.Registered> registerIssuer(@RequestBody Forms.Issuer form) {
        return Calls.blocking(() -> register(new Registration.Issuer(java.util.UUID.randomUUID(), named(form.name()))));
    }

    @PostMapping("/api/act/investors")
    Mono<Forms.Registered> registerInvestor(@RequestBody Forms.Investor form) {
        return Calls.blocking(() -> register(new Registration.Investor(java.util.UUID.randomUUID(), named(form.name()),
                balance(form.balance()))));
    }

    @PostMapping("/api/act/sell")
    Mono<Forms.Sent> sell(@RequestBody Forms.Sale form) {
        String commandId = newCommandId();
        return Calls.blocking(() -> new Forms.Sent(commandId, commands().sellInvoice(SellInvoiceCommand.newBuilder()
                .setIssuerId(uuid(form.issuerId())).setAskingPrice(money(form.askingPrice())).setCommandId(commandId)
                .build()).getInvoiceId().getValue()));
    }

    @PostMapping("/api/act/bid")
    Mono<Forms.Sent> bid(@RequestBody Forms.Bid form) {
        String commandId = newCommandId();
        return Calls.blocking(() -> sent(commands().bidOnInvoice(BidOnInvoiceCommand.newBuilder()
                .setInvestorId(uuid(form.investorId())).setInvoiceId(uuid(form.invoiceId())).setBid(money(form.amount()))
                .setCommandId(commandId).build()).getCommandId()));
    }

    @PostMapping("/api/act/approve")
    Mono<Forms.Sent> approve(@RequestBody Forms.Decision form) {
        String commandId = newCommandId();
        return Calls.blocking(() -> sent(commands().approveFinancing(ApproveFinancingCommand.newBuilder()
                .setInvoiceId(uuid(form.invoiceId())).setCommandId(commandId).build()).getCommandId()));
    }

    @PostMapping("/api/act/reverse")
    Mono<Forms.Sent> reverse(@RequestBody Forms.Decision form) {
        String commandId = newCommandId();
        return Calls.blocking(() -> sent(commands().reverseFinancing(ReverseFinancingCommand.newBuilder()
                .setInvoiceId(uuid(form.invoiceId())).setCommandId(commandId).build()).getCommandId()));
    }

    private Forms.Registered register(Registration registration) throws Exception {
        try {
            registering.publish(List.of(registration));
        } catch (ExecutionException notTaken) {
            throw new KafkaException("Kafka did not take the registration: " + notTaken.getCause().getMessage(), notTaken);
        }
        return new Forms.Registered(registration.id().toString());
    }

    private CommandsBlockingStub commands() {
        return calls.timed(commands);
    }

    private static Forms.Sent sent(String commandId) {
        return new Forms.Sent(commandId, null);
    }

    private static String newCommandId() {
        return java.util.UUID.randomUUID().toString();
    }

    private static String named(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: a party needs a name");
        }
        return name.strip();
    }

    private static BigDecimal balance(String balance) {
        try {
            return io.financing.api.Money.of(balance == null ? "" : balance.strip()).amount();
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException("balance: an amount of 0 or more with at most 2 decimals, not \""
                    + balance + "\"");
        }
    }

    /** As typed: the listener says what is wrong with it. */
    private static UUID uuid(String value) {
        return UUID.newBuilder().setValue(value == null ? "" : value.strip()).build();
    }

    private static Money money(String amount) {
        return Money.newBuilder().setAmount(amount == null ? "" : amount.strip()).build();
    }
}

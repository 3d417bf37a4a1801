package io.financing.load;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import io.financing.api.v1.ApproveFinancingCommand;
import io.financing.api.v1.BidOnInvoiceCommand;
import io.financing.api.v1.CommandsGrpc;
import io.financing.api.v1.Money;
import io.financing.api.v1.ReverseFinancingCommand;
import io.financing.api.v1.SellInvoiceCommand;
import io.grpc.ManagedChannel;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Sends commands to {@code financing.v1.Commands} with at most {@code concurrency} in flight, noting
 * when each was accepted and how long acceptance took.
 */
final class Commands {

    /** When each accepted command was accepted (nanoTime), by command id. */
    final Map<String, Long> accepted = new ConcurrentHashMap<>();
    final Latencies acceptance = new Latencies();
    final AtomicLong refused = new AtomicLong();

    private final CommandsGrpc.CommandsFutureStub stub;
    private final Semaphore inFlight;
    private final int concurrency;

    Commands(ManagedChannel channel, int concurrency) {
        this.stub = CommandsGrpc.newFutureStub(channel);
        this.inFlight = new Semaphore(concurrency);
        this.concurrency = concurrency;
    }

    /** Sells an invoice; the listener's reply names it. */
    void sell(String commandId, UUID issuer, String askingPrice, Consumer<UUID> invoice) {
        send(commandId, System.nanoTime(), stub.sellInvoice(SellInvoiceCommand.newBuilder().setCommandId(commandId)
                        .setIssuerId(Ids.proto(issuer)).setAskingPrice(Money.newBuilder().setAmount(askingPrice)).build()),
                reply -> invoice.accept(UUID.fromString(reply.getInvoiceId().getValue())));
    }

    /**
     * Bids; {@code onAccepted} runs once the listener has accepted it. Its acceptance is timed from
     * {@code intendedAt} (nanoTime), when the schedule meant to send it: a stall that holds back the sending
     * (calls in flight all waiting) then counts against the stalled calls, instead of hiding (coordinated omission).
     */
    void bid(String commandId, UUID investor, UUID invoice, String amount, long intendedAt, Runnable onAccepted) {
        send(commandId, intendedAt, stub.bidOnInvoice(BidOnInvoiceCommand.newBuilder().setCommandId(commandId)
                .setInvestorId(Ids.proto(investor)).setInvoiceId(Ids.proto(invoice))
                .setBid(Money.newBuilder().setAmount(amount)).build()), reply -> onAccepted.run());
    }

    /** The issuer's decision on a financed invoice: approve it, or reverse its financing. */
    void decide(String commandId, UUID invoice, boolean approve) {
        if (approve) {
            send(commandId, System.nanoTime(), stub.approveFinancing(ApproveFinancingCommand.newBuilder().setCommandId(commandId)
                    .setInvoiceId(Ids.proto(invoice)).build()), reply -> { });
        } else {
            send(commandId, System.nanoTime(), stub.reverseFinancing(ReverseFinancingCommand.newBuilder().setCommandId(commandId)
                    .setInvoiceId(Ids.proto(invoice)).build()), reply -> { });
        }
    }

    private <T> void send(String commandId, long sent, ListenableFuture<T> call, Consumer<T> onReply) {
        Futures.addCallback(call, new FutureCallback<>() {
            @Override
            public void onSuccess(T reply) {
                long now = System.nanoTime();
                accepted.put(commandId, now);
                onReply.accept(reply);
                acceptance.record(now - sent);
                inFlight.release();
            }

            @Override
            public void onFailure(Throwable error) {
                refused.incrementAndGet();
                inFlight.release();
            }
        }, MoreExecutors.directExecutor());
    }

    /** Blocks until a call may start: at most {@code concurrency} in flight. */
    void awaitSlot() throws InterruptedException {
        inFlight.acquire();
    }

    /** Blocks until every call sent has been answered. */
    void drain() throws InterruptedException {
        inFlight.acquire(concurrency);
        inFlight.release(concurrency);
    }
}

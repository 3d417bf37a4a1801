package io.financing.listener.grpc;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts each command as the client hears of it: {@code financing.commands.accepted{command}} once it is
 * queued, {@code financing.commands.refused{command, code}} when it is not (an invalid field, an unreadable
 * request, the queue unavailable). The command is the method's name: SellInvoice, BidOnInvoice...
 */
final class CommandsCounted implements ServerInterceptor {

    private final MeterRegistry meters;

    CommandsCounted(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                      ServerCallHandler<Q, R> next) {
        String command = call.getMethodDescriptor().getBareMethodName();
        return next.startCall(new SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                if (status.isOk()) {
                    meters.counter("financing.commands.accepted", "command", command).increment();
                } else {
                    meters.counter("financing.commands.refused", "command", command, "code", status.getCode().name())
                            .increment();
                }
                super.close(status, trailers);
            }
        }, headers);
    }
}

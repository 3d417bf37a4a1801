package io.financing.localstack;

import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.financing.api.v1.CommandsGrpc;
import io.financing.api.v1.QueriesGrpc;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import io.grpc.stub.ClientCalls;
import io.grpc.CallOptions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./financing call METHOD 'JSON'}: calls a method of {@code financing.v1.Commands} (on the
 * commands port) or {@code financing.v1.Queries} (on the queries port) with a request written in
 * protobuf's JSON, and prints the reply in JSON, or each message of a stream as it comes (WatchCommand);
 * grpcurl without grpcurl.
 */
final class GrpcCall {

    private static final int STREAM_DEADLINE_MINUTES = 10;

    private GrpcCall() {
    }

    static int call(String method, String json, LocalSettings settings) throws Exception {
        for (ServiceDescriptor service : List.of(CommandsGrpc.getServiceDescriptor(), QueriesGrpc.getServiceDescriptor())) {
            for (MethodDescriptor<?, ?> candidate : service.getMethods()) {
                if (candidate.getBareMethodName().equals(method)) {
                    int port = service == CommandsGrpc.getServiceDescriptor() ? settings.commandsPort()
                            : settings.queriesPort();
                    return invoke(candidate, json, settings.clients().to("localhost", port));
                }
            }
        }
        throw new IllegalArgumentException("no method " + method + " in financing.v1.Commands or financing.v1.Queries");
    }

    @SuppressWarnings("unchecked")
    private static int invoke(MethodDescriptor<?, ?> method, String json, ManagedChannel channel) throws Exception {
        var descriptor = ((ProtoMethodDescriptorSupplier) method.getSchemaDescriptor()).getMethodDescriptor();
        var request = DynamicMessage.newBuilder(descriptor.getInputType());
        JsonFormat.parser().merge(json.isBlank() ? "{}" : json, request);
        try {
            var typed = (MethodDescriptor<Message, Message>) method;
            Message requestMessage = typed.getRequestMarshaller().parse(request.build().toByteString().newInput());
            if (typed.getType() == MethodDescriptor.MethodType.SERVER_STREAMING) {
                // Each message as it comes, until the server completes the stream or the deadline passes.
                ClientCalls.blockingServerStreamingCall(channel, typed,
                        CallOptions.DEFAULT.withDeadlineAfter(STREAM_DEADLINE_MINUTES, TimeUnit.MINUTES), requestMessage)
                        .forEachRemaining(GrpcCall::print);
            } else {
                print(ClientCalls.blockingUnaryCall(channel, typed,
                        CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS), requestMessage));
            }
            return 0;
        } catch (StatusRuntimeException e) {
            System.err.println(e.getStatus().getCode() + ": " + e.getStatus().getDescription());
            return 1;
        } finally {
            channel.shutdownNow();
        }
    }

    /** Fields at their default are shown too: an AVAILABLE invoice has status 0, which JSON would omit. */
    private static void print(Message reply) {
        try {
            System.out.println(JsonFormat.printer().alwaysPrintFieldsWithNoPresence().print(reply));
            System.out.flush();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}

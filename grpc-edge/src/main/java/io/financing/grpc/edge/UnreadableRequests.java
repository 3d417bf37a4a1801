package io.financing.grpc.edge;

import io.grpc.Attributes;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.SecurityLevel;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * A request whose bytes are not its message (random bytes, a truncated message, a string field that is
 * not UTF-8) answered {@code INVALID_ARGUMENT}, saying so. gRPC itself parses requests before any
 * interceptor sees them, and answers a failure there {@code UNKNOWN} ("Application error processing
 * RPC"), as if the service had failed: here each method takes its request as bytes, and parses them
 * itself before handing the message to the service.
 */
public final class UnreadableRequests {

    private UnreadableRequests() {
    }

    /** The same service, its unreadable requests refused clearly. */
    public static ServerServiceDefinition refusedClearly(ServerServiceDefinition service) {
        ServiceDescriptor original = service.getServiceDescriptor();
        List<ServerMethodDefinition<byte[], ?>> methods = service.getMethods().stream()
                .<ServerMethodDefinition<byte[], ?>>map(UnreadableRequests::parsedHere).toList();
        var descriptor = ServiceDescriptor.newBuilder(original.getName()).setSchemaDescriptor(original.getSchemaDescriptor());
        methods.forEach(method -> descriptor.addMethod(method.getMethodDescriptor()));
        var definition = ServerServiceDefinition.builder(descriptor.build());
        methods.forEach(definition::addMethod);
        return definition.build();
    }

    private static <Q, R> ServerMethodDefinition<byte[], R> parsedHere(ServerMethodDefinition<Q, R> method) {
        MethodDescriptor<Q, R> typed = method.getMethodDescriptor();
        MethodDescriptor<byte[], R> raw = typed.toBuilder(RawBytes.INSTANCE, typed.getResponseMarshaller()).build();
        ServerCallHandler<byte[], R> handler = (call, headers) -> new Parsing<>(typed, call,
                method.getServerCallHandler().startCall(new Typed<>(typed, call), headers));
        return ServerMethodDefinition.create(raw, handler);
    }

    /** Parses each request; the first that cannot be read ends the call, and the service never hears of it. */
    private static final class Parsing<Q, R> extends ServerCall.Listener<byte[]> {

        private final MethodDescriptor<Q, R> typed;
        private final ServerCall<byte[], R> call;
        private final ServerCall.Listener<Q> service;
        private boolean refused;

        Parsing(MethodDescriptor<Q, R> typed, ServerCall<byte[], R> call, ServerCall.Listener<Q> service) {
            this.typed = typed;
            this.call = call;
            this.service = service;
        }

        @Override
        public void onMessage(byte[] request) {
            if (refused) {
                return;
            }
            Q message;
            try {
                message = typed.parseRequest(new ByteArrayInputStream(request));
            } catch (RuntimeException unreadable) {
                refused = true;
                Throwable reason = unreadable.getCause() != null ? unreadable.getCause() : unreadable;
                call.close(Status.INVALID_ARGUMENT.withDescription("the request is not a readable "
                        + typed.getBareMethodName() + " request: " + reason.getMessage()), new Metadata());
                return;
            }
            service.onMessage(message);
        }

        @Override
        public void onHalfClose() {
            if (!refused) {
                service.onHalfClose();
            }
        }

        @Override
        public void onCancel() {
            service.onCancel();
        }

        @Override
        public void onComplete() {
            service.onComplete();
        }

        @Override
        public void onReady() {
            service.onReady();
        }
    }

    /** The call as the service knows it: typed requests, everything else the real call's. */
    private static final class Typed<Q, R> extends ServerCall<Q, R> {

        private final MethodDescriptor<Q, R> typed;
        private final ServerCall<byte[], R> call;

        Typed(MethodDescriptor<Q, R> typed, ServerCall<byte[], R> call) {
            this.typed = typed;
            this.call = call;
        }

        @Override
        public void request(int numMessages) {
            call.request(numMessages);
        }

        @Override
        public void sendHeaders(Metadata headers) {
            call.sendHeaders(headers);
        }

        @Override
        public void sendMessage(R message) {
            call.sendMessage(message);
        }

        @Override
        public boolean isReady() {
            return call.isReady();
        }

        @Override
        public void close(Status status, Metadata trailers) {
            call.close(status, trailers);
        }

        @Override
        public boolean isCancelled() {
            return call.isCancelled();
        }

        @Override
        public void setMessageCompression(boolean enabled) {
            call.setMessageCompression(enabled);
        }

        @Override
        public void setCompression(String compressor) {
            call.setCompression(compressor);
        }

        @Override
        public SecurityLevel getSecurityLevel() {
            return call.getSecurityLevel();
        }

        @Override
        public Attributes getAttributes() {
            return call.getAttributes();
        }

        @Override
        public String getAuthority() {
            return call.getAuthority();
        }

        @Override
        public MethodDescriptor<Q, R> getMethodDescriptor() {
            return typed;
        }
    }
}

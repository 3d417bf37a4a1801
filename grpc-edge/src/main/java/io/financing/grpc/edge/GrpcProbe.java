package io.financing.grpc.edge;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Asks a gRPC server what any generic client would: its health (standard gRPC health service) and the
 * services it offers (server reflection). Needs no .proto file of ours.
 */
public final class GrpcProbe implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 5;

    private final ManagedChannel channel;

    /** A probe of the server at the other end of this channel, which it closes when closed. */
    public GrpcProbe(ManagedChannel channel) {
        this.channel = channel;
    }

    /** The status of one service, or of the whole server for {@code ""}; UNKNOWN when it does not answer. */
    public ServingStatus health(String service) {
        try {
            return HealthGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .check(HealthCheckRequest.newBuilder().setService(service).build())
                    .getStatus();
        } catch (StatusRuntimeException e) {
            return ServingStatus.UNKNOWN;
        }
    }

    /** The fully qualified names of the services the server lists through reflection. */
    public List<String> services() {
        var answer = new CompletableFuture<ServerReflectionResponse>();
        StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(channel)
                .withDeadlineAfter(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .serverReflectionInfo(new StreamObserver<>() {
                    @Override
                    public void onNext(ServerReflectionResponse response) {
                        answer.complete(response);
                    }

                    @Override
                    public void onError(Throwable error) {
                        answer.completeExceptionally(error);
                    }

                    @Override
                    public void onCompleted() {
                        answer.completeExceptionally(new IllegalStateException("No reflection answer"));
                    }
                });
        requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
        try {
            return answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).getListServicesResponse().getServiceList().stream()
                    .map(ServiceResponse::getName)
                    .toList();
        } catch (Exception e) {
            throw new IllegalStateException("Reflection did not answer on " + channel.authority(), e);
        } finally {
            requests.onCompleted();
        }
    }

    @Override
    public void close() {
        channel.shutdownNow();
    }
}

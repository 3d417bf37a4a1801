package io.financing.grpc.edge;

import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.util.Map;

/**
 * A container's healthcheck of the gRPC server in it: {@code HealthCheck host:port} exits 0 when the server's
 * standard health service answers SERVING, 1 otherwise, speaking TLS as {@link ClientChannels} reads the
 * environment (the server's own certificate, when it serves TLS). It runs from the service's own jar, so that
 * an image needs no gRPC client of its own:
 * <pre>
 * java -cp listener-service.jar -Dloader.main=io.financing.grpc.edge.HealthCheck \
 *      org.springframework.boot.loader.launch.PropertiesLauncher localhost:8080
 * </pre>
 */
public final class HealthCheck {

    private HealthCheck() {
    }

    public static void main(String[] args) {
        if (args.length != 1 || args[0].lastIndexOf(':') < 0) {
            System.err.println("usage: HealthCheck host:port");
            System.exit(2);
        }
        System.exit(isServing(args[0], System.getenv()) ? 0 : 1);
    }

    private static boolean isServing(String address, Map<String, String> environment) {
        int colon = address.lastIndexOf(':');
        try (var probe = new GrpcProbe(ClientChannels.from(environment)
                .to(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))))) {
            ServingStatus status = probe.health("");
            System.out.println(address + " " + status);
            return status == ServingStatus.SERVING;
        }
    }
}

package io.financing.localstack;

import io.financing.grpc.edge.GrpcProbe;
import io.financing.grpc.edge.ClientChannels;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.io.File;

/**
 * The self-signed certificate for localhost in {@code local-stack/tls/} (never for production): what the
 * services' tests serve TLS with. Paths are from a module's directory, where Maven runs its tests.
 */
public final class LocalTls {

    public static final String CERTIFICATE = "../local-stack/tls/localhost.crt";
    public static final String PRIVATE_KEY = "../local-stack/tls/localhost.key";
    /** The two settings that turn TLS on, as test properties. */
    public static final String CERTIFICATE_SETTING = "financing.grpc.tls.certificate=" + CERTIFICATE;
    public static final String PRIVATE_KEY_SETTING = "financing.grpc.tls.private-key=" + PRIVATE_KEY;

    private LocalTls() {
    }

    /** Whether the server answers a health check over TLS (trusting this certificate) and none in plaintext. */
    public static boolean servesTlsOnly(int port, String service) {
        try (var overTls = new GrpcProbe(ClientChannels.trusting(new File(CERTIFICATE)).to("localhost", port));
             var plaintext = new GrpcProbe(ClientChannels.plaintext().to("localhost", port))) {
            return overTls.health(service) == ServingStatus.SERVING && plaintext.health(service) == ServingStatus.UNKNOWN;
        }
    }
}

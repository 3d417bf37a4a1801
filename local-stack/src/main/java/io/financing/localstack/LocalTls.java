package io.financing.localstack;

import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.io.File;
import java.io.IOException;

/**
 * The self-signed certificate for localhost in {@code local-stack/tls/} (never for production): what the
 * services' tests serve TLS with. Paths are from a module's directory, where Maven runs its tests.
 */
public final class LocalTls {

    public static final String CERTIFICATE = "../local-stack/tls/localhost.crt";
    /** The two settings that turn TLS on, as test properties. */
    public static final String CERTIFICATE_SETTING = "financing.grpc.tls.certificate=" + CERTIFICATE;
    public static final String PRIVATE_KEY_SETTING = "financing.grpc.tls.private-key=../local-stack/tls/localhost.key";

    private LocalTls() {
    }

    /** Whether the server answers a health check over TLS (trusting this certificate) and none in plaintext. */
    public static boolean servesTlsOnly(int port, String service) throws IOException {
        try (var overTls = GrpcProbe.overTls("localhost", port, new File(CERTIFICATE));
             var plaintext = new GrpcProbe("localhost", port)) {
            return overTls.health(service) == ServingStatus.SERVING && plaintext.health(service) == ServingStatus.UNKNOWN;
        }
    }
}

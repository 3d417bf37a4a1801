package io.financing.grpc.edge;

import java.io.File;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * TLS for a gRPC server, on when two settings name PEM files: the certificate chain
 * ({@value #CERTIFICATE}) and its private key ({@value #PRIVATE_KEY}); off, plaintext, when neither
 * does. One without the other is a mistake, refused at start rather than served in plaintext.
 */
public record ServerTls(File certificate, File privateKey) {

    public static final String CERTIFICATE = "financing.grpc.tls.certificate";
    public static final String PRIVATE_KEY = "financing.grpc.tls.private-key";
    private static final String BUNDLE = "financing-grpc-server";

    /** From the settings, looked up by name (null or blank: not set); null when TLS is off. */
    public static ServerTls from(UnaryOperator<String> settings) {
        String certificate = settings.apply(CERTIFICATE);
        String privateKey = settings.apply(PRIVATE_KEY);
        boolean hasCertificate = certificate != null && !certificate.isBlank();
        boolean hasPrivateKey = privateKey != null && !privateKey.isBlank();
        if (hasCertificate != hasPrivateKey) {
            throw new IllegalArgumentException("TLS needs both " + CERTIFICATE + " and " + PRIVATE_KEY + ", or neither");
        }
        return hasCertificate ? new ServerTls(new File(certificate.strip()), new File(privateKey.strip())) : null;
    }

    /** From environment variables, named as Spring binds them ({@code FINANCING_GRPC_TLS_CERTIFICATE}, ...). */
    public static ServerTls fromEnvironment(Map<String, String> environment) {
        return from(setting -> environment.get(variable(setting)));
    }

    /** The environment of a server process that serves TLS from these files. */
    public Map<String, String> environment() {
        return Map.of(variable(CERTIFICATE), certificate.getAbsolutePath(), variable(PRIVATE_KEY), privateKey.getAbsolutePath());
    }

    private static String variable(String setting) {
        return setting.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Spring gRPC's settings for serving TLS only, from these files (a PEM SSL bundle of Spring Boot's). */
    Map<String, Object> springSettings() {
        String bundle = "spring.ssl.bundle.pem." + BUNDLE + ".keystore.";
        return Map.of(bundle + "certificate", "file:" + certificate.getAbsolutePath(),
                bundle + "private-key", "file:" + privateKey.getAbsolutePath(),
                "spring.grpc.server.ssl.bundle", BUNDLE);
    }
}

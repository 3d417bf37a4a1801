package io.financing.grpc.edge;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.TlsChannelCredentials;
import io.grpc.stub.MetadataUtils;
import java.io.File;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How our own tools reach our gRPC servers (the local run's probe, {@code ./financing health} and {@code call},
 * the load generator, the acceptance tests): in plaintext, or over TLS trusting one certificate when the servers
 * speak TLS. Which, from the environment:
 * <ul>
 *   <li>{@value #TRUST} names the certificate (PEM) to trust: the server's own, or the authority that signed it;</li>
 *   <li>without it, the certificate the servers are given ({@value #CERTIFICATE}), so that the shell that starts
 *       the system under TLS also reaches it;</li>
 *   <li>neither: plaintext.</li>
 * </ul>
 * Every call carries the bearer token in {@value #TOKEN}, if there is one: the caller it names is who acts.
 */
public final class ClientChannels {

    public static final String TRUST = "FINANCING_GRPC_TLS_TRUST";
    public static final String CERTIFICATE = "FINANCING_GRPC_TLS_CERTIFICATE";
    public static final String TOKEN = "FINANCING_TOKEN";

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final ChannelCredentials credentials;
    private final File trusted;
    private final String token;

    private ClientChannels(ChannelCredentials credentials, File trusted, String token) {
        this.credentials = credentials;
        this.trusted = trusted;
        this.token = token;
    }

    public static ClientChannels plaintext() {
        return new ClientChannels(InsecureChannelCredentials.create(), null, null);
    }

    /** The same channels, each call carrying {@code authorization: Bearer token}. */
    public ClientChannels withToken(String bearerToken) {
        return new ClientChannels(credentials, trusted, bearerToken);
    }

    /** TLS, trusting the certificate in this PEM file only. */
    public static ClientChannels trusting(File certificate) {
        return trusting(certificate, "the certificate to trust");
    }

    public static ClientChannels from(Map<String, String> environment) {
        return transport(environment).withToken(setting(environment, TOKEN));
    }

    private static ClientChannels transport(Map<String, String> environment) {
        for (String setting : List.of(TRUST, CERTIFICATE)) {
            String path = setting(environment, setting);
            if (path != null) {
                return trusting(new File(path), setting);
            }
        }
        return plaintext();
    }

    private static ClientChannels trusting(File certificate, String source) {
        try {
            return new ClientChannels(TlsChannelCredentials.newBuilder().trustManager(certificate).build(),
                    certificate.getAbsoluteFile(), null);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + certificate + " (" + source + "): " + e.getMessage(), e);
        }
    }

    private static String setting(Map<String, String> environment, String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A channel to {@code host:port}, or any target gRPC resolves ({@code dns:///host:port}, ...). */
    public ManagedChannel to(String target) {
        return authorized(Grpc.newChannelBuilder(target, credentials)).build();
    }

    public ManagedChannel to(String host, int port) {
        return authorized(Grpc.newChannelBuilderForAddress(host, port, credentials)).build();
    }

    private ManagedChannelBuilder<?> authorized(ManagedChannelBuilder<?> channel) {
        if (token != null) {
            var bearer = new Metadata();
            bearer.put(AUTHORIZATION, "Bearer " + token);
            channel.intercept(MetadataUtils.newAttachHeadersInterceptor(bearer));
        }
        return channel;
    }

    public boolean hasToken() {
        return token != null;
    }

    /** The certificate trusted, as an absolute path; empty in plaintext. */
    public Optional<File> trusted() {
        return Optional.ofNullable(trusted);
    }

    /** These channels as the environment of another tool, which then reaches the servers the same way. */
    public Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        trusted().ifPresent(file -> environment.put(TRUST, file.getPath()));
        if (token != null) {
            environment.put(TOKEN, token);
        }
        return Map.copyOf(environment);
    }
}

package io.financing.grpc.edge;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns the two {@link ServerTls} settings into Spring gRPC's own TLS settings, in a service that runs
 * a gRPC server: an SSL bundle made of the two files, and the server told to use it. Spring gRPC has no
 * "on when a certificate is given": its TLS is on as soon as a bundle is named, so the bundle is named
 * here only when both files are. Runs after the configuration files are read (lowest precedence).
 */
public final class ServerTlsSettings implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        ServerTls tls = ServerTls.from(environment::getProperty);
        if (tls != null) {
            environment.getPropertySources().addFirst(new MapPropertySource("financing-grpc-tls", tls.springSettings()));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

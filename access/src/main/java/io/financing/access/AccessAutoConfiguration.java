package io.financing.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.grpc.server.security.AuthenticationProcessInterceptor;
import org.springframework.grpc.server.security.GrpcSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Every gRPC call but health and reflection needs a valid bearer token ({@link CallerTokens}); each service
 * asks {@link Callers} who calls and applies its own rules. With {@code FINANCING_AUTH=off}, nothing is
 * checked and the service says so at start.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.grpc.server.autoconfigure.security.GrpcSecurityAutoConfiguration",
        beforeName = "org.springframework.boot.grpc.server.autoconfigure.security.OAuth2ResourceServerAutoConfiguration")
@EnableConfigurationProperties(AccessProperties.class)
public class AccessAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AccessAutoConfiguration.class);

    /** What any generic gRPC client asks first, before it can know of tokens. */
    private static final String[] OPEN_METHODS = {"grpc.health.v1.Health/*", "grpc.reflection.v1.ServerReflection/*",
            "grpc.reflection.v1alpha.ServerReflection/*"};

    @Configuration(proxyBeanMethods = false)
    @Conditional(AuthenticationSwitch.On.class)
    static class TokensRequired {

        @Bean
        JwtDecoder callerTokens(AccessProperties access) {
            return CallerTokens.decoder(access);
        }

        @Bean
        @GlobalServerInterceptor
        AuthenticationProcessInterceptor callersAuthenticated(GrpcSecurity grpc, JwtDecoder tokens) throws Exception {
            return grpc.authorizeRequests(calls -> calls
                            .methods(OPEN_METHODS).permitAll()
                            .allRequests().authenticated())
                    .authenticationExtractor(new BearerTokens())
                    .oauth2ResourceServer(server -> server.jwt(jwt -> jwt
                            .decoder(tokens)
                            .jwtAuthenticationConverter(CallerTokens::authentication)))
                    .build();
        }

        @Bean
        Callers callers() {
            return Callers.fromTokens();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(AuthenticationSwitch.Off.class)
    static class Open {

        @Bean
        Callers callers() {
            log.warn("Authentication is off (FINANCING_AUTH=off): every caller may act for every party and read "
                    + "everything");
            return Callers.anyone();
        }
    }

    /**
     * The management port stays open, as health probes and metric scrapers expect; it serves no party's data.
     * Without this chain Spring Security would put a login in front of it.
     */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    SecurityWebFilterChain managementOpen(ServerHttpSecurity http) {
        return http.authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .build();
    }
}

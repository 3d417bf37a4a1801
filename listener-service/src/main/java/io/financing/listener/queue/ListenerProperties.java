package io.financing.listener.queue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param commandsTopic where commands are enqueued (env {@code FINANCING_LISTENER_COMMANDS_TOPIC})
 */
@ConfigurationProperties("financing.listener")
public record ListenerProperties(@DefaultValue("financing.commands") String commandsTopic) {
}

package io.financing.query.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the query side keeps what it knows of each command, and how that goes.
 *
 * @param commands how long after its outcome a command's status and the events it caused are kept
 *                 ({@code FINANCING_QUERY_RETENTION_COMMANDS}); after that GetCommandStatus and WatchCommand answer
 *                 UNKNOWN for it, as for a command never sent
 * @param batch    rows deleted per statement, so no statement runs long
 * @param interval how often it looks for expired commands
 */
@ConfigurationProperties("financing.query.retention")
record CommandRetentionProperties(@DefaultValue("7d") Duration commands, @DefaultValue("1000") int batch,
                                  @DefaultValue("1m") Duration interval) {
}

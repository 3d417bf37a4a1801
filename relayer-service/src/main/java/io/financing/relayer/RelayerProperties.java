package io.financing.relayer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param topic        where events are published ({@code FINANCING_RELAYER_TOPIC})
 * @param pollInterval the longest a new event waits when no notification comes ({@code FINANCING_RELAYER_POLL_INTERVAL})
 * @param batchSize    events read and published at once under load ({@code FINANCING_RELAYER_BATCH_SIZE})
 * @param name         the checkpoint's name, and what the instances of one relay elect a leader for
 * @param heldBackRetry how soon to look again when new events are held back by an older transaction still
 *                      running ({@code FINANCING_RELAYER_HELD_BACK_RETRY})
 * @param holdBackWarning how long events may be held back before the log names the transaction holding them
 *                      ({@code FINANCING_RELAYER_HOLD_BACK_WARNING})
 */
@ConfigurationProperties("financing.relayer")
public record RelayerProperties(@DefaultValue("financing.events") String topic,
                                @DefaultValue("100ms") Duration pollInterval,
                                @DefaultValue("500") int batchSize,
                                @DefaultValue("relayer") String name,
                                @DefaultValue("1ms") Duration heldBackRetry,
                                @DefaultValue("5s") Duration holdBackWarning) {
}

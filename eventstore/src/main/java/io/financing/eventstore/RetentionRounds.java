package io.financing.eventstore;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rounds of forgetting expired rows ({@link ExpiredRows}), one every interval, on a thread of their own. A round that
 * fails (the database away) is logged, and the next one tries again: nothing is lost by waiting.
 */
public final class RetentionRounds {

    private static final Logger log = LoggerFactory.getLogger(RetentionRounds.class);

    private final String what;
    private final Duration interval;
    private final Runnable round;
    private ScheduledExecutorService rounds;

    /**
     * @param what  what a round forgets, for the log ("expired commands")
     * @param round one round, which forgets everything expired
     */
    public RetentionRounds(String what, Duration interval, Runnable round) {
        this.what = what;
        this.interval = interval;
        this.round = round;
    }

    public synchronized void start() {
        rounds = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("retention").daemon().factory());
        rounds.scheduleWithFixedDelay(this::round, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void round() {
        try {
            round.run();
        } catch (RuntimeException e) {
            log.warn("Forgetting {} failed this round; trying again in {}: {}", what, interval, e.getMessage());
        }
    }

    public synchronized void stop() {
        rounds.shutdownNow();
    }

    public synchronized boolean running() {
        return rounds != null && !rounds.isShutdown();
    }
}

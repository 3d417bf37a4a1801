package io.financing.load;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * Latencies recorded from many threads (HdrHistogram, to three significant digits from a microsecond to an hour),
 * summarised as percentiles in milliseconds.
 */
final class Latencies {

    private final ConcurrentHistogram micros = new ConcurrentHistogram(TimeUnit.HOURS.toMicros(1), 3);

    void record(long elapsedNanos) {
        micros.recordValue(Math.max(1, Math.min(micros.getHighestTrackableValue(), elapsedNanos / 1_000)));
    }

    long count() {
        return micros.getTotalCount();
    }

    /** The p-th percentile (0..100) in milliseconds, NaN when nothing was recorded. */
    double percentile(double p) {
        return count() == 0 ? Double.NaN : micros.getValueAtPercentile(p) / 1_000.0;
    }
}

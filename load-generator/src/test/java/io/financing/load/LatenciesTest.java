package io.financing.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreInMillisecondsToThreeSignificantDigits() {
        var latencies = new Latencies();
        for (int ms = 100; ms >= 1; ms--) { // out of order, as threads record them
            latencies.record(ms * 1_000_000L);
        }

        assertThat(latencies.count()).isEqualTo(100);
        assertThat(latencies.percentile(50)).isCloseTo(50.0, withinPercentage(0.1));
        assertThat(latencies.percentile(99)).isCloseTo(99.0, withinPercentage(0.1));
        assertThat(latencies.percentile(100)).isCloseTo(100.0, withinPercentage(0.1));
    }

    @Test
    void nothingRecordedIsNotANumber() {
        assertThat(new Latencies().percentile(50)).isNaN();
    }
}

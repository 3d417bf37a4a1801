package io.financing.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        var latencies = new Latencies();
        for (int ms = 100; ms >= 1; ms--) { // out of order, as threads record them
            latencies.record(ms * 1_000_000L);
        }

        assertThat(latencies.count()).isEqualTo(100);
        assertThat(latencies.percentile(50)).isEqualTo(50.0);
        assertThat(latencies.percentile(99)).isEqualTo(99.0);
        assertThat(latencies.percentile(100)).isEqualTo(100.0);
    }

    @Test
    void nothingRecordedIsNotANumber() {
        assertThat(new Latencies().percentile(50)).isNaN();
    }
}

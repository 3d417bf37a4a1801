package io.financing.console.overview;

import io.financing.api.metrics.PrometheusText;
import java.util.List;

/**
 * What one service said when last asked: its health (UP, DOWN, ... or UNREACHABLE), the parts its health named as
 * not up, and its metrics (none when unreachable).
 */
record ServiceReading(String name, String health, List<String> partsDown, PrometheusText metrics) {

    static ServiceReading unreachable(String name, String why) {
        return new ServiceReading(name, "UNREACHABLE", List.of(why), new PrometheusText(List.of()));
    }
}

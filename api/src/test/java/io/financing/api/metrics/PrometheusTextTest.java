package io.financing.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    private static final String EXPOSITION = """
            # HELP financing_dead_letters_total
            # TYPE financing_dead_letters_total counter
            financing_dead_letters_total{topic="financing.commands"} 2.0
            financing_dead_letters_total{topic="financing.events"} 1.0
            financing_relay_lag_events 12.0
            financing_relay_holdback_seconds NaN
            kafka_consumer_fetch_manager_records_lag{client_id="consumer-query-service-1",partition="0",topic="a \\"quoted\\" topic"} 3.0
            """;

    @Test
    void readsEachSampleWithItsLabelsAndSumsANameLeavingOutWhatIsNotANumber() {
        var text = PrometheusText.parse(EXPOSITION);

        assertThat(text.sum("financing_dead_letters_total")).isEqualTo(3.0);
        assertThat(text.named("financing_dead_letters_total")).extracting(sample -> sample.label("topic"))
                .containsExactly("financing.commands", "financing.events");
        assertThat(text.sum("financing_dead_letters_total", "topic", "financing.events")).isEqualTo(1.0);
        assertThat(text.sum("financing_relay_lag_events")).isEqualTo(12.0);
        assertThat(text.sum("financing_relay_holdback_seconds")).isZero();
        assertThat(text.named("kafka_consumer_fetch_manager_records_lag").getFirst().label("client_id"))
                .isEqualTo("consumer-query-service-1");
    }
}

package io.financing.relayer;

import io.financing.eventstore.Checkpoints;
import io.financing.eventstore.EventStoreSchema;
import io.financing.observability.Traces;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Runs the relay on a thread of its own for as long as the application runs. */
@Component
class RelayRunner implements SmartLifecycle {

    private final Relay relay;
    private Thread thread;

    RelayRunner(DataSource dataSource, KafkaTemplate<String, String> kafka, RelayerProperties properties,
                MeterRegistry meters, Traces traces) {
        EventStoreSchema.migrate(dataSource);
        this.relay = new Relay(dataSource, kafka, properties, meters, traces);
        var checkpoints = new Checkpoints(dataSource);
        // Events stored but not yet relayed, counted when the gauge is read.
        Gauge.builder("financing.relay.lag.events", checkpoints, store -> store.lag(properties.name()))
                .description("Events stored and not yet relayed").strongReference(true).register(meters);
    }

    @Override
    public void start() {
        thread = new Thread(relay, "relay");
        thread.start();
    }

    @Override
    public void stop() {
        relay.stop();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null && thread.isAlive();
    }
}

package io.financing.api.json;

import io.financing.api.event.EventEnvelope;
import io.financing.api.event.EventNames;
import io.financing.api.event.InvoiceEvent.InvoiceFinanced;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading one message of {@code financing.events}, in nanoseconds: in full ({@link EventJson#readPublished}, as the
 * query service reads every event), or only its name ({@link EventJson#nameOf}, what the saga pays to skip one of
 * the events that ask nothing of it).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
@State(Scope.Benchmark)
public class EventJsonBenchmark {

    private final String message = EventJson.write(new EventEnvelope(UUID.randomUUID(), EventNames.nameOf(InvoiceFinanced.class), "Invoice",
            UUID.randomUUID(), 3, 123_456, Instant.now(), UUID.randomUUID(), UUID.randomUUID()),
            "{\"invoiceId\":\"" + UUID.randomUUID() + "\",\"askingPrice\":\"100.00\",\"bid\":{\"investorId\":\""
                    + UUID.randomUUID() + "\",\"amount\":\"120.00\"}}");

    @Benchmark
    public EventJson.Published readPublished() {
        return EventJson.readPublished(message);
    }

    @Benchmark
    public String nameOnly() {
        return EventJson.nameOf(message);
    }
}

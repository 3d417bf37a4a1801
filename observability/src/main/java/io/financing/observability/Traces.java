package io.financing.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * A trace's context as W3C {@code traceparent} text, where it must outlive the process: in the event store
 * with the events a traced message caused, and from there in the Kafka headers of each published event.
 */
public class Traces {

    public static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    Traces(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** No tracing: no current span, and spans that record nothing. */
    public static Traces none() {
        return new Traces(Tracer.NOOP, Propagator.NOOP);
    }

    /** The current span's context, when there is a current span that is sampled. */
    public Optional<String> currentTraceparent() {
        Span span = tracer.currentSpan();
        return span == null ? Optional.empty() : traceparentOf(span);
    }

    public Optional<String> traceparentOf(Span span) {
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return Optional.ofNullable(carrier.get(TRACEPARENT));
    }

    /** A started span named {@code name}, the child of {@code traceparent}, or the root of a new trace without one. */
    public Span startChildOf(String traceparent, String name) {
        Span.Builder span = traceparent == null
                ? tracer.spanBuilder().setNoParent()
                : propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get);
        return span.name(name).start();
    }

    /** Puts the trace context in a Kafka message's headers, for its consumer to go on with. */
    public static void putTraceparent(Headers headers, String traceparent) {
        headers.add(TRACEPARENT, traceparent.getBytes(StandardCharsets.US_ASCII));
    }

    /** The trace context a Kafka message carries, if any. */
    public static Optional<String> traceparentOf(Headers headers) {
        Header header = headers.lastHeader(TRACEPARENT);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.US_ASCII));
    }
}

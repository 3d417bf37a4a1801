package io.financing.load;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What a run measured, as a table for people and as JSON for comparing runs. */
final class Report {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String NOT_MEASURED = "not measured on this platform";

    private final ObjectNode json = JSON.createObjectNode();
    private final List<String> broken;

    private Report(List<String> broken) {
        this.broken = broken;
    }

    static Report of(LoadSettings settings, Bids bids, Commands bidding, Bus bus, QueryProbe probe,
                     Optional<Map<String, ServiceProcesses.Usage>> before,
                     Optional<Map<String, ServiceProcesses.Usage>> after, List<String> broken) {
        var report = new Report(broken);
        report.run(settings);
        report.listener(bids, bidding);

        var settle = new Latencies();
        var financedOnBus = new Latencies();
        long lastSettled = bids.start();
        long settled = 0;
        for (String bid : bids.commands()) {
            Long accepted = bidding.accepted.get(bid);
            Long at = bus.settledAt(bid);
            if (accepted != null && at != null) {
                settled++;
                lastSettled = Math.max(lastSettled, at);
                settle.record(at - accepted);
                Long financed = bus.invoiceFinanced.get(bid);
                if (financed != null) {
                    financedOnBus.record(financed - accepted);
                }
            }
        }
        ObjectNode pipeline = report.json.putObject("pipeline");
        pipeline.put("bidsSettled", settled).put("financed", financedOnBus.count())
                .put("settledPerSecond", settled / Math.max((lastSettled - bids.start()) / 1e9, 1e-9));
        pipeline.set("acceptedToSettledMs", percentiles(settle));
        pipeline.set("acceptedToFinancedOnBusMs", percentiles(financedOnBus));
        pipeline.set("acceptedToFinancedInQueriesMs", percentiles(probe.financedInQueries));
        report.services(bids, before, after);
        var invariants = report.json.putArray("invariantsBroken");
        broken.forEach(invariants::add);
        return report;
    }

    /** A run of {@code --listener-only}: acceptance and the services' usage, nothing downstream. */
    static Report ofListener(LoadSettings settings, Bids bids, Commands bidding,
                             Optional<Map<String, ServiceProcesses.Usage>> before,
                             Optional<Map<String, ServiceProcesses.Usage>> after) {
        var report = new Report(List.of());
        report.run(settings);
        report.listener(bids, bidding);
        report.services(bids, before, after);
        return report;
    }

    private void run(LoadSettings settings) {
        json.putObject("run").put("rate", settings.rate()).put("warmUpSeconds", settings.warmUpSeconds())
                .put("durationSeconds", settings.durationSeconds()).put("concurrency", settings.concurrency())
                .put("listenerOnly", settings.listenerOnly()).put("investors", settings.investors())
                .put("invoices", settings.invoices()).put("bidsPerInvoice", settings.bidsPerInvoice());
    }

    private void listener(Bids bids, Commands bidding) {
        json.putObject("listener")
                .put("bidsSent", bids.commands().size()).put("accepted", bidding.accepted.size())
                .put("refused", bidding.refused.get())
                .put("acceptedPerSecond", bidding.accepted.size() / bids.seconds())
                .set("acceptanceMs", percentiles(bidding.acceptance));
    }

    private void services(Bids bids, Optional<Map<String, ServiceProcesses.Usage>> before,
                          Optional<Map<String, ServiceProcesses.Usage>> after) {
        if (after.isEmpty()) {
            json.put("services", NOT_MEASURED);
            return;
        }
        ObjectNode services = json.putObject("services");
        after.get().forEach((name, usage) -> {
            ServiceProcesses.Usage start = before.orElse(Map.of()).getOrDefault(name, new ServiceProcesses.Usage(0, 0));
            services.putObject(name)
                    .put("cpuPercentOfOneCore", 100 * (usage.cpuSeconds() - start.cpuSeconds()) / bids.seconds())
                    .put("peakRssMiB", usage.peakRssKib() / 1024);
        });
    }

    private static ObjectNode percentiles(Latencies latencies) {
        return JSON.createObjectNode().put("count", latencies.count()).put("p50", latencies.percentile(50))
                .put("p95", latencies.percentile(95)).put("p99", latencies.percentile(99));
    }

    List<String> brokenInvariants() {
        return broken;
    }

    String json() {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json);
    }

    String table() {
        var out = new StringBuilder();
        var listener = json.get("listener");
        var pipeline = json.get("pipeline");
        out.append(String.format("%-44s %,12.0f /s   (%,d accepted, %,d refused)%n", "bids accepted by the listener",
                listener.get("acceptedPerSecond").asDouble(), listener.get("accepted").asLong(), listener.get("refused").asLong()));
        if (pipeline != null) {
            out.append(String.format("%-44s %,12.0f /s   (%,d settled, %,d financed)%n", "bids settled (financed or released)",
                    pipeline.get("settledPerSecond").asDouble(), pipeline.get("bidsSettled").asLong(), pipeline.get("financed").asLong()));
        }
        out.append(String.format("%-44s %12s %10s %10s %8s%n", "latency, ms", "p50", "p95", "p99", "count"));
        line(out, "  accepted by the listener", listener.get("acceptanceMs"));
        if (pipeline != null) {
            line(out, "  accepted -> settled on the bus", pipeline.get("acceptedToSettledMs"));
            line(out, "  accepted -> InvoiceFinanced on the bus", pipeline.get("acceptedToFinancedOnBusMs"));
            line(out, "  accepted -> FINANCED in the query service", pipeline.get("acceptedToFinancedInQueriesMs"));
        }
        if (json.get("services").isString()) {
            out.append(String.format("%-44s %s%n", "services' CPU and memory", NOT_MEASURED));
        } else {
            services(out);
        }
        out.append(broken.isEmpty() ? "invariants: all hold\n" : "INVARIANTS BROKEN:\n  " + String.join("\n  ", broken) + "\n");
        return out.toString();
    }

    private void services(StringBuilder out) {
        out.append(String.format("%-44s %12s %10s%n", "service", "CPU %", "peak RSS"));
        json.get("services").properties().forEach(service -> out.append(String.format("  %-42s %11.0f%% %6d MiB%n",
                service.getKey(), service.getValue().get("cpuPercentOfOneCore").asDouble(),
                service.getValue().get("peakRssMiB").asLong())));
    }

    private static void line(StringBuilder out, String label, tools.jackson.databind.JsonNode latency) {
        out.append(String.format("%-44s %12.1f %10.1f %10.1f %8d%n", label, latency.get("p50").asDouble(),
                latency.get("p95").asDouble(), latency.get("p99").asDouble(), latency.get("count").asLong()));
    }
}

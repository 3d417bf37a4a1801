package io.financing.load;

import java.util.List;
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

    static Report of(LoadSettings settings, Bids bids, Commands bidding, Bus bus, ReadModelProgress readModels,
                     QueryProbe probe, Watches watches,
                     Optional<ServiceProcesses.Sample> before, Optional<ServiceProcesses.Sample> after,
                     List<String> broken) {
        var report = new Report(broken);
        report.run(settings);
        report.listener(bids, bidding);

        var settle = new Latencies();
        var financedOnBus = new Latencies();
        var financedInQueries = new Latencies();
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
                Long shown = readModels.financedAt.get(bid);
                if (shown != null) {
                    financedInQueries.record(shown - accepted);
                }
            }
        }
        ObjectNode pipeline = report.json.putObject("pipeline");
        pipeline.put("bidsSettled", settled).put("financed", financedOnBus.count())
                .put("settledPerSecond", settled / Math.max((lastSettled - bids.start()) / 1e9, 1e-9));
        pipeline.set("acceptedToSettledMs", percentiles(settle));
        pipeline.set("acceptedToFinancedOnBusMs", percentiles(financedOnBus));
        pipeline.set("acceptedToFinancedInQueriesMs", percentiles(financedInQueries));
        pipeline.set("acceptedToFinancedByGetInvoiceMs", percentiles(probe.financedInQueries));
        pipeline.set("acceptedToSettledByWatchCommandMs", percentiles(watches.settled));
        pipeline.put("watchesFailed", watches.failed.get()).put("idleWatches", watches.idleOpened())
                .put("idleWatchesEndedEarly", watches.idleFailed.get());
        report.services(before, after, settled);
        var invariants = report.json.putArray("invariantsBroken");
        broken.forEach(invariants::add);
        return report;
    }

    /** A run of {@code --listener-only}: acceptance and the services' usage, nothing downstream. */
    static Report ofListener(LoadSettings settings, Bids bids, Commands bidding,
                             Optional<ServiceProcesses.Sample> before, Optional<ServiceProcesses.Sample> after) {
        var report = new Report(List.of());
        report.run(settings);
        report.listener(bids, bidding);
        report.services(before, after, bidding.accepted.size());
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

    /**
     * Each service's share of a core, and the CPU each bid cost (settled bids, or accepted ones when only the
     * listener is measured): the whole box's less the load generator's own, and PostgreSQL's part of it; the
     * latter only when the system runs on this box.
     */
    private void services(Optional<ServiceProcesses.Sample> before, Optional<ServiceProcesses.Sample> after, long bids) {
        if (before.isEmpty() || after.isEmpty()) {
            json.put("services", NOT_MEASURED);
            return;
        }
        ServiceProcesses.Sample start = before.get();
        ServiceProcesses.Sample end = after.get();
        double seconds = (end.nanoTime() - start.nanoTime()) / 1e9;
        ObjectNode services = json.putObject("services");
        end.services().forEach((name, usage) -> {
            ServiceProcesses.Usage first = start.services().getOrDefault(name, new ServiceProcesses.Usage(0, 0));
            services.putObject(name)
                    .put("cpuPercentOfOneCore", 100 * (usage.cpuSeconds() - first.cpuSeconds()) / seconds)
                    .put("peakRssMiB", usage.peakRssKib() / 1024);
        });
        if (end.services().isEmpty()) {
            return; // the system runs elsewhere (no pid files here): this box's CPU is not what it spent
        }
        double generator = end.generatorCpuSeconds() - start.generatorCpuSeconds();
        double box = end.boxCpuSeconds() - start.boxCpuSeconds() - generator;
        double postgres = end.postgresCpuSeconds() - start.postgresCpuSeconds();
        json.putObject("cpuPerBidMs").put("seconds", seconds).put("bids", bids)
                .put("boxLessLoadGenerator", 1000 * box / bids).put("postgres", 1000 * postgres / bids)
                .put("loadGenerator", 1000 * generator / bids).put("boxAsMultipleOfPostgres", box / postgres);
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
            line(out, "    the same, a sample seen by GetInvoice", pipeline.get("acceptedToFinancedByGetInvoiceMs"));
            if (pipeline.get("acceptedToSettledByWatchCommandMs").get("count").asLong() > 0) {
                line(out, "  accepted -> settled, seen by WatchCommand", pipeline.get("acceptedToSettledByWatchCommandMs"));
            }
            if (pipeline.get("watchesFailed").asLong() > 0) {
                out.append(String.format("%-44s %,12d%n", "  watches that failed", pipeline.get("watchesFailed").asLong()));
            }
            if (pipeline.get("idleWatches").asLong() > 0) {
                out.append(String.format("%-44s %,12d   (%,d ended early)%n", "idle watches held open through the run",
                        pipeline.get("idleWatches").asLong(), pipeline.get("idleWatchesEndedEarly").asLong()));
            }
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
        var cpu = json.get("cpuPerBidMs");
        if (cpu == null) {
            return;
        }
        out.append(String.format("%-44s %10.2f ms   (PostgreSQL %.2f ms: the total is %.1f times it; load generator %.2f ms)%n",
                "box CPU per bid, less the load generator", cpu.get("boxLessLoadGenerator").asDouble(),
                cpu.get("postgres").asDouble(), cpu.get("boxAsMultipleOfPostgres").asDouble(),
                cpu.get("loadGenerator").asDouble()));
    }

    private static void line(StringBuilder out, String label, tools.jackson.databind.JsonNode latency) {
        out.append(String.format("%-44s %12.1f %10.1f %10.1f %8d%n", label, latency.get("p50").asDouble(),
                latency.get("p95").asDouble(), latency.get("p99").asDouble(), latency.get("count").asLong()));
    }
}

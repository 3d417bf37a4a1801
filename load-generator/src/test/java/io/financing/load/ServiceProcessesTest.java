package io.financing.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannelBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Each service's CPU and memory where the platform shows them (Linux's /proc), and a plain word where not. */
class ServiceProcessesTest {

    @TempDir
    Path home;

    @Test
    @EnabledOnOs(OS.LINUX)
    void measuresEachRunningServiceFromItsPidFile() throws Exception {
        Files.createDirectories(home.resolve("run"));
        Files.writeString(home.resolve("run/query-service.pid"), Long.toString(ProcessHandle.current().pid()));

        var usage = new ServiceProcesses(home).usage();

        assertThat(usage).hasValueSatisfying(sample -> {
            assertThat(sample.services()).hasEntrySatisfying("query-service",
                    service -> assertThat(service.peakRssKib()).isPositive());
            assertThat(sample.boxCpuSeconds()).isGreaterThanOrEqualTo(sample.generatorCpuSeconds()).isPositive();
            assertThat(sample.postgresCpuSeconds()).isNotNaN();
        });
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void againstASystemRunningElsewhereThisBoxsCpuIsNotReportedAsItsCost() throws Exception {
        var services = new ServiceProcesses(home); // no pid files: the services run on another machine

        var report = listenerReport(services);

        assertThat(report.json()).doesNotContain("cpuPerBidMs");
        assertThat(report.table()).doesNotContain("box CPU per bid");
    }

    @Test
    void onAPlatformWithoutProcTheReportSaysItDidNotMeasure() throws Exception {
        Files.createDirectories(home.resolve("run"));
        Files.writeString(home.resolve("run/query-service.pid"), Long.toString(ProcessHandle.current().pid()));
        var services = new ServiceProcesses(home, home.resolve("no-proc-here"));

        var report = listenerReport(services);

        assertThat(services.usage()).isEmpty();
        assertThat(report.table()).contains("services' CPU and memory", "not measured on this platform");
        assertThat(report.json()).contains("\"services\" : \"not measured on this platform\"");
    }

    /** The report of a one-second listener-only run, with the services' usage as {@code services} sees it. */
    private static Report listenerReport(ServiceProcesses services) {
        var bids = new Bids(System.nanoTime());
        bids.finished(bids.start() + 1_000_000_000L);
        var channel = ManagedChannelBuilder.forTarget("localhost:1").usePlaintext().build();
        try {
            return Report.ofListener(LoadSettings.parse(new String[0], Map.of()), bids, new Commands(channel, 1),
                    services.usage(), services.usage());
        } finally {
            channel.shutdownNow();
        }
    }
}

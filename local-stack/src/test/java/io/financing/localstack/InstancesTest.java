package io.financing.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./financing up --instances N}: which services run, and where each listens. */
class InstancesTest {

    @TempDir
    Path home;

    private List<ServiceProcess.Spec> services(int instances) {
        return LocalRun.Services.all(LocalSettings.forTests(home), Path.of("."), instances);
    }

    @Test
    void threeInstancesAreThreeFinancingAndThreeQueryServicesTwoRelayersAndOneListener() {
        Map<String, Long> byService = services(3).stream().map(ServiceProcess.Spec::name)
                .collect(Collectors.groupingBy(name -> name.replaceFirst("-\\d+$", ""), Collectors.counting()));

        assertThat(byService).containsEntry("financing-service", 3L).containsEntry("query-service", 3L)
                .containsEntry("relayer-service", 2L).containsEntry("listener-service", 1L);
    }

    @Test
    void eachInstanceIsItsFirstOnPortsOfItsOwn() {
        List<ServiceProcess.Spec> services = services(2);
        var first = services.stream().filter(spec -> spec.name().equals("query-service")).findFirst().orElseThrow();
        var second = services.stream().filter(spec -> spec.name().equals("query-service-2")).findFirst().orElseThrow();

        assertThat(second.jar()).isEqualTo(first.jar());
        assertThat(second.grpcPort()).isPositive().isNotEqualTo(first.grpcPort());
        assertThat(second.environment()).containsEntry("FINANCING_QUERIES_PORT", Integer.toString(second.grpcPort()))
                .containsEntry("FINANCING_MANAGEMENT_PORT", Integer.toString(second.httpPort()))
                .containsEntry("FINANCING_READMODEL_URL", first.environment().get("FINANCING_READMODEL_URL"));
        List<Integer> ports = services.stream().flatMap(spec -> Stream.of(spec.grpcPort(), spec.httpPort()))
                .filter(port -> port > 0).toList();
        assertThat(ports).doesNotHaveDuplicates();
    }

    @Test
    void oneInstanceIsTheUsualRunAndNoneIsRefused() {
        assertThat(services(1)).extracting(ServiceProcess.Spec::name).containsExactly("zipkin", "listener-service",
                "financing-service", "query-service", "relayer-service", "console");
        assertThatThrownBy(() -> new LocalRun(LocalSettings.forTests(home), Path.of("."), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--instances");
    }

    @Test
    void theConsoleWatchesEveryInstanceOnItsManagementPort() {
        List<ServiceProcess.Spec> services = services(2);
        var console = services.stream().filter(spec -> spec.name().equals("console")).findFirst().orElseThrow();
        String watched = console.environment().get("FINANCING_CONSOLE_SERVICES");

        services.stream().filter(spec -> !spec.name().equals("zipkin") && spec != console).forEach(spec ->
                assertThat(watched).contains(spec.name() + "=http://localhost:" + spec.httpPort()));
        assertThat(watched).doesNotContain("zipkin");
        assertThat(console.httpPort()).isEqualTo(Integer.parseInt(console.environment().get("FINANCING_CONSOLE_PORT")));
    }

    @Test
    void theToolsFindEveryInstanceWhereTheRunWroteThem() {
        ServiceDirectory.write(home, services(2));

        assertThat(ServiceDirectory.read(home).orElseThrow()).extracting(ServiceDirectory.Entry::name)
                .contains("financing-service-2", "query-service-2", "relayer-service-2");
    }
}

package io.financing.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console degrades gracefully: with no part of the system answering (every address a closed port), it starts,
 * serves its pages, and says what is missing, while what it can still show is shown.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleWithNothingUpTest {

    private static final int NOTHING = closedPort();

    @DynamicPropertySource
    static void nothingAnswers(DynamicPropertyRegistry registry) {
        registry.add("financing.console.commands-address", () -> "localhost:" + NOTHING);
        registry.add("financing.console.queries-address", () -> "localhost:" + NOTHING);
        registry.add("financing.console.kafka-bootstrap", () -> "localhost:" + NOTHING);
        registry.add("financing.console.services", () -> "listener-service=http://localhost:" + NOTHING);
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + NOTHING + "/eventstore");
        registry.add("spring.datasource.hikari.connection-timeout", () -> "500");
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void thePagesAreServedWithEveryAssetFromTheConsoleItself() throws Exception {
        var live = get("/");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).contains("financing.events").doesNotContain("https://");
        for (String asset : new String[] {"/console.css", "/console.js", "/live.js", "/aggregate.html",
                "/command.html", "/act.html"}) {
            assertThat(get(asset).statusCode()).as(asset).isEqualTo(200);
        }
    }

    @Test
    void theOverviewSaysWhichServiceIsNotAnswering() throws Exception {
        var overview = get("/api/overview");
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("\"health\":\"UNREACHABLE\"").contains("listener-service is UNREACHABLE")
                .contains("the live feed is not reading");
    }

    @Test
    void anAggregateSaysThatBothItsSidesAreMissingAndWhy() throws Exception {
        var aggregate = get("/api/aggregates/" + UUID.randomUUID());
        assertThat(aggregate.statusCode()).isEqualTo(200);
        assertThat(aggregate.body()).contains("the event store is not answering").contains("UNAVAILABLE");
    }

    @Test
    void aCommandThatCannotBeSentIsUnavailableAndBadInputNamesItsField() throws Exception {
        var sale = post("/api/act/sell", "{\"issuerId\":\"" + UUID.randomUUID() + "\",\"askingPrice\":\"10\"}");
        assertThat(sale.statusCode()).isEqualTo(503);
        assertThat(sale.body()).contains("\"code\":\"UNAVAILABLE\"");

        var investor = post("/api/act/investors", "{\"name\":\"Ann\",\"balance\":\"-1\"}");
        assertThat(investor.statusCode()).isEqualTo(400);
        assertThat(investor.body()).contains("balance");

        assertThat(get("/api/aggregates/not-a-uuid").body()).contains("id: not a UUID");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A port nothing listens on: taken, then let go. */
    private static int closedPort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

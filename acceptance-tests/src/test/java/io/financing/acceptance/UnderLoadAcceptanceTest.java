package io.financing.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.financing.load.LoadMain;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The load generator of {@code ./financing bench}, briefly, against the system: concurrent bids, three
 * to an invoice, so that most are rejected and released while one finances it. Every accepted command
 * must end with a final status, no investor may gain or lose a cent, no invoice may be financed twice,
 * and the query side must show what the bus said. (This is how the generator's first run found the
 * all-events feed delivering a stream's versions out of order.)
 */
class UnderLoadAcceptanceTest {

    @Test
    void underConcurrentBidsNoCommandNoCentIsLostAndNoInvoiceIsFinancedTwice() throws Exception {
        SystemUnderTest system = SystemUnderTest.get();
        Map<String, String> environment = Map.of(
                "FINANCING_COMMANDS_ADDR", system.commandsHost() + ":" + system.commandsPort(),
                "FINANCING_QUERIES_ADDR", system.queriesHost() + ":" + system.queriesPort(),
                "FINANCING_KAFKA_BOOTSTRAP", system.kafka());

        List<String> broken = LoadMain.run(new String[]{"--rate", "60", "--warm-up", "0", "--duration", "10",
                "--issuers", "3", "--investors", "20", "--invoices", "200", "--concurrency", "16"}, environment, System.out);

        assertThat(broken).isEmpty();
    }
}

package io.financing.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.financing.load.LoadMain;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The load generator of {@code ./financing bench}, briefly, against the system: concurrent bids, three
 * to an invoice, so that most are rejected and released while one finances it, and the issuers approving
 * or reversing each invoice as soon as it is financed. Every accepted command
 * must end with a final status, no investor may gain or lose a cent, no invoice may be financed twice,
 * and the query side must show what the bus said. (This is how the generator's first run found the
 * all-events feed delivering a stream's versions out of order.)
 */
class UnderLoadAcceptanceTest {

    @Test
    void underConcurrentBidsNoCommandNoCentIsLostAndNoInvoiceIsFinancedTwice() throws Exception {
        SystemUnderTest system = SystemUnderTest.get();
        List<String> broken = LoadMain.run(new String[]{"--rate", "60", "--warm-up", "0", "--duration", "10",
                "--issuers", "3", "--investors", "20", "--invoices", "200", "--concurrency", "16", "--decisions"},
                system.environment(), System.out);

        assertThat(broken).isEmpty();
    }
}

package io.financing.acceptance;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The console in a real browser, as a user drives it: the live page open, parties registered and an invoice sold
 * and bid on through the forms, InvoiceFinanced arriving in the feed, the bid's command drawn to settled, and the
 * invoice's page showing FINANCED beside its events. Each page's screenshot is kept (target/screenshots), and the
 * README shows them.
 */
class ConsoleAcceptanceTest {

    private static final LocatorAssertions.ContainsTextOptions SETTLING =
            new LocatorAssertions.ContainsTextOptions().setTimeout(60_000);

    private ConsoleBrowser browser;
    private String console;

    /** Playwright's 5 s is short for a page on two loaded cores; a failure is still a failure, later. */
    @BeforeAll
    static void patience() {
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    }

    @BeforeEach
    void open() throws Exception {
        console = SystemUnderTest.get().consoleAddress();
        browser = new ConsoleBrowser();
    }

    @AfterEach
    void close(TestInfo test) throws Exception {
        browser.screenshotsAtTheEnd(test.getTestMethod().orElseThrow().getName());
        browser.close();
    }

    @Test
    void anInvoiceSoldAndFinancedThroughTheFormsIsSeenLiveAndOnItsPage() throws Exception {
        Page live = browser.page();
        live.navigate(console + "/");
        assertThat(live.locator("#caller")).containsText("calling as operator");
        assertThat(live.locator("#health")).containsText("UP", SETTLING);

        Page act = browser.page();
        act.navigate(console + "/act.html");
        send(act, "register-issuer", "IssuerCreated");
        act.locator("#register-investor input[name=name]").fill("Console Ann");
        send(act, "register-investor", "InvestorCreated");
        act.locator("#sell input[name=askingPrice]").fill("100.00");
        send(act, "sell", "SUCCEEDED, settled");
        String invoice = act.locator("#bid input[name=invoiceId]").inputValue();
        act.locator("#bid input[name=amount]").fill("120.00");
        send(act, "bid", "SUCCEEDED, settled");
        ConsoleBrowser.screenshot(act, "act");

        Locator financed = live.locator("#feed tr[data-name=InvoiceFinanced][data-aggregate='" + invoice + "']");
        assertThat(financed).isVisible();
        ConsoleBrowser.screenshot(live, "live");

        act.locator("#bid .result a[href^='command.html']").click();
        assertThat(act.locator("#settled")).isVisible();
        assertThat(act.locator("#steps")).containsText("InvoiceFinanced");
        assertThat(act.locator("#steps")).containsText("InvestorFundsReleased");
        ConsoleBrowser.screenshot(act, "command");

        act.navigate(console + "/aggregate.html?type=Invoice&id=" + invoice);
        assertThat(act.locator("#row tr[data-field=status] td.changed")).hasText("FINANCED");
        assertThat(act.locator("#events tr[data-name=InvoiceFinanced]")).containsText("winningBid");
        assertThat(act.locator("#events")).containsText("InvoiceCreated");
        ConsoleBrowser.screenshot(act, "aggregate");
    }

    @Test
    void theFeedFilteredToAnInvoiceAndPausedHoldsItsApprovalUntilResumed() {
        Page act = browser.page();
        act.navigate(console + "/act.html");
        send(act, "register-issuer", "IssuerCreated");
        send(act, "register-investor", "InvestorCreated");
        send(act, "sell", "SUCCEEDED, settled");
        send(act, "bid", "SUCCEEDED, settled");
        String invoice = act.locator("#approve input[name=invoiceId]").inputValue();

        Page live = browser.page();
        live.navigate(console + "/");
        live.locator("#aggregate").fill(invoice);
        assertThat(live.locator("#feed tr")).hasCount(2);
        assertThat(live.locator("#feed tr[data-aggregate='" + invoice + "']")).hasCount(2);
        live.locator("#pause").click();
        send(act, "approve", "SUCCEEDED, settled");
        assertThat(live.locator("#held")).hasText("1 held while paused");
        assertThat(live.locator("#feed tr")).hasCount(2);

        live.locator("#pause").click();
        assertThat(live.locator("#feed tr[data-name=InvoiceApproved]")).isVisible();
        act.navigate(console + "/aggregate.html?id=" + invoice);
        assertThat(act.locator("#row tr[data-field=status] td.changed")).hasText("APPROVED");
    }

    /** Submits the form and waits until its result says that. */
    private static void send(Page page, String form, String until) {
        page.locator("#" + form + " button").click();
        assertThat(page.locator("#" + form + " .result")).containsText(until, SETTLING);
    }
}

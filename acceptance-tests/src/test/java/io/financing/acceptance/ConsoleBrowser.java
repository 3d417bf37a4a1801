package io.financing.acceptance;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real browser on the console: headless Chromium driven by Playwright. Debian's Chromium where it is installed
 * ({@code FINANCING_CHROMIUM}, or /usr/bin/chromium: .ci/run installs it), without Playwright's download of a browser
 * of its own; elsewhere Playwright fetches its own Chromium, as on a developer's machine.
 */
final class ConsoleBrowser implements AutoCloseable {

    /** Where the screenshots go, kept as the test run's artifacts. */
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /**
     * As the machine's probe starts Chromium: without the background networking flags its connections to Google's
     * hosts fail, many at a time, on a machine with no internet.
     */
    private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private final Playwright playwright;
    private final Browser browser;
    private final List<Page> pages = new ArrayList<>();

    ConsoleBrowser() {
        Optional<Path> chromium = installedChromium();
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(chromium.isPresent()
                ? Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1") : Map.of()));
        var launch = new BrowserType.LaunchOptions().setHeadless(true).setArgs(FLAGS);
        chromium.ifPresent(launch::setExecutablePath);
        browser = playwright.chromium().launch(launch);
    }

    Page page() {
        Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1440, 900));
        pages.add(page);
        return page;
    }

    /** Each page as the test left it, passed or failed: what a failure is read from. */
    void screenshotsAtTheEnd(String test) throws Exception {
        for (int number = 0; number < pages.size(); number++) {
            screenshot(pages.get(number), "end-of-" + test + "-" + (number + 1));
        }
    }

    static void screenshot(Page page, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    private static Optional<Path> installedChromium() {
        String given = System.getenv("FINANCING_CHROMIUM");
        return Optional.ofNullable(given).map(Path::of).or(() -> Optional.of(Path.of("/usr/bin/chromium")))
                .filter(Files::isExecutable);
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}

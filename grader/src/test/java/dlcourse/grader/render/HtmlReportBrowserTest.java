package dlcourse.grader.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dlcourse.grader.report.SampleReports;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Opens the feedback page in real headless Chromium (Debian {@code chromium} + {@code chromium-driver}) and checks
 * what a student sees. Without a browser the test is skipped, except under {@code CI=true}, where that fails.
 */
class HtmlReportBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Where the test leaves a screenshot of the page for people to look at. */
    private static final Path SCREENSHOT = Path.of("target", "html-report-screenshot.png");

    @TempDir
    static Path dir;

    private static ChromeDriverService service;
    private static ChromeDriver browser;

    /** Why there is no browser, or null when there is one. */
    private static String noBrowser;

    @BeforeAll
    static void open_the_page_in_headless_chromium() throws IOException {
        noBrowser = missingBrowser();
        if (noBrowser != null) {
            return;
        }
        // The browser and driver are given explicitly; Selenium Manager must never try to download either.
        System.setProperty("SE_AVOID_BROWSER_DOWNLOAD", "true");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path page = HtmlReport.render(SampleReports.sample(), dir.resolve("report"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1000", "--user-data-dir=" + Files.createDirectory(
                        dir.resolve("profile")));
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(30))
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        browser.get(page.toUri().toString());
    }

    /** Null when Chromium and its driver are installed; otherwise says what is missing. Under CI=true, fails. */
    private static String missingBrowser() {
        List<Path> missing = List.of(CHROMIUM, CHROMEDRIVER).stream().filter(p -> !Files.isExecutable(p)).toList();
        if (missing.isEmpty()) {
            return null;
        }
        String why = "no headless browser: " + missing + " not installed (Debian packages chromium and "
                + "chromium-driver; .ci/run installs them)";
        if ("true".equals(System.getenv("CI"))) {
            fail("CI=true but " + why);
        }
        System.err.println("HtmlReportBrowserTest skipped: " + why);
        return why;
    }

    @BeforeEach
    void skip_without_a_browser() {
        Assumptions.assumeTrue(noBrowser == null, () -> noBrowser + "; skipping the browser test");
    }

    @AfterAll
    static void close_the_browser() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
    }

    private static WebElement visible(By by) {
        WebElement element = browser.findElement(by);
        assertTrue(element.isDisplayed(), by + " is not displayed");
        return element;
    }

    private static void assertHasArea(WebElement element, String what) {
        Rectangle rect = element.getRect();
        assertTrue(rect.getWidth() > 100 && rect.getHeight() > 50, what + " renders at " + rect.getDimension());
    }

    @Test
    void the_total_score_is_visible() {
        assertEquals("Feedback for Ada Lovelace: 4 / 14", browser.getTitle());
        assertEquals("4 / 14 points", visible(By.cssSelector("[data-testid=total-score]")).getText());
        assertEquals("28.5%", visible(By.cssSelector("[data-testid=total-percent]")).getText());
    }

    @Test
    void a_failed_checks_expected_and_got_are_visible() {
        WebElement check = browser.findElement(By.id(ReportView.anchor("check", "logistic.propagate.value.seed-1")));
        WebElement block = check.findElement(By.cssSelector("[data-testid=expected-got]"));
        assertTrue(block.isDisplayed());
        WebElement expected = block.findElement(By.cssSelector("[data-testid=expected]"));
        WebElement got = block.findElement(By.cssSelector("[data-testid=got]"));
        assertTrue(expected.isDisplayed() && got.isDisplayed());
        assertEquals("0.99845601", expected.getText());
        assertEquals("2.99536803", got.getText());
        // Side by side on a wide window: same row, got to the right of expected.
        assertEquals(expected.getRect().getY(), got.getRect().getY());
        assertTrue(got.getRect().getX() > expected.getRect().getX() + expected.getRect().getWidth());
        assertEquals("Looks like: " + SampleReports.DIAGNOSIS,
                check.findElement(By.cssSelector("[data-testid=diagnosis]")).getText());
    }

    @Test
    void the_learning_curve_and_the_heat_map_are_drawn_with_real_size() {
        WebElement curve = visible(By.cssSelector("svg.plot-curve[data-testid=learning-curve]"));
        assertHasArea(curve, "learning curve");
        WebElement heatmap = visible(By.cssSelector("svg.plot-heatmap[data-testid=gradient-heatmap]"));
        assertHasArea(heatmap, "heat map");
        // The plot fits its column instead of overflowing it.
        WebElement figure = browser.findElement(By.cssSelector("[data-testid=curve-figure]"));
        assertTrue(curve.getRect().getWidth() <= figure.getRect().getWidth());
    }

    @Test
    void the_grader_error_label_is_visible() {
        WebElement check = browser.findElement(By.id(ReportView.anchor("check", "logistic.model.call_pattern")));
        assertEquals("internal grader error \u2014 not your fault",
                check.findElement(By.cssSelector("[data-testid=verdict]")).getText());
    }

    @Test
    void leaves_a_screenshot_for_people_to_look_at() throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.createDirectories(SCREENSHOT.toAbsolutePath().getParent());
        Files.copy(shot.toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.size(SCREENSHOT) > 10_000, "screenshot is " + Files.size(SCREENSHOT) + " bytes");
    }
}

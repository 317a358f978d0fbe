package dlcourse.grader.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dlcourse.grader.render.HtmlReport;
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
 * Opens the class dashboard in real headless Chromium (Debian {@code chromium} + {@code chromium-driver}) and checks
 * what an instructor sees and can click. Without a browser the test is skipped, except under {@code CI=true}.
 */
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Where the test leaves a screenshot of the dashboard for people to look at. */
    private static final Path SCREENSHOT = Path.of("target", "dashboard-screenshot.png");
    /** The dashboard's red for grader errors and problems ({@code --grader}, {@code --bad}). */
    private static final String RED = "rgba(185, 28, 28, 1)";

    @TempDir
    static Path dir;

    private static Path page;
    private static ChromeDriverService service;
    private static ChromeDriver browser;
    private static String noBrowser;

    @BeforeAll
    static void open_the_dashboard_in_headless_chromium() throws IOException {
        noBrowser = missingBrowser();
        if (noBrowser != null) {
            return;
        }
        Path classDir = dir.resolve("class");
        for (ClassEntry entry : SampleClass.entries()) {
            HtmlReport.render(entry.report(), classDir.resolve(entry.student()));
        }
        page = Dashboard.write("CS 101", SampleClass.entries(),
                new RunInfo("/subs", "2025-11-25T13:00:00Z", 61_000, 2, 4, 0), classDir);
        System.setProperty("SE_AVOID_BROWSER_DOWNLOAD", "true");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1000", "--user-data-dir=" + Files.createDirectory(
                        dir.resolve("profile")));
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(30)).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

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
        System.err.println("DashboardBrowserTest skipped: " + why);
        return why;
    }

    @BeforeEach
    void load_the_dashboard() {
        Assumptions.assumeTrue(noBrowser == null, () -> noBrowser + "; skipping the browser test");
        browser.get(page.toUri().toString());
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

    private static WebElement visible(String testId) {
        WebElement element = browser.findElement(By.cssSelector("[data-testid=" + testId + "]"));
        assertTrue(element.isDisplayed(), testId + " is not displayed");
        return element;
    }

    @Test
    void the_headline_numbers_are_visible_and_problems_are_red() {
        assertEquals("Class dashboard: CS 101", browser.getTitle());
        assertEquals("4", visible("students").getText());
        assertEquals("3", visible("graded").getText());
        assertEquals("1", visible("ungradable").getText());
        assertEquals(RED, visible("ungradable").getCssValue("color"));
        assertEquals(RED, visible("grader-error-count").getCssValue("color"));
    }

    @Test
    void grader_errors_are_listed_in_red() {
        List<WebElement> rows = browser.findElements(By.cssSelector("[data-testid=grader-error-row]"));
        assertEquals(2, rows.size());
        for (WebElement row : rows) {
            assertTrue(row.isDisplayed());
            assertEquals(RED, row.findElement(By.cssSelector("td:last-child")).getCssValue("color"));
        }
    }

    @Test
    void the_score_histogram_is_drawn_with_real_size() {
        WebElement svg = visible("score-histogram");
        Rectangle rect = svg.getRect();
        assertTrue(rect.getWidth() > 300 && rect.getHeight() > 120, "histogram renders at " + rect.getDimension());
        WebElement figure = visible("histogram-figure");
        assertTrue(rect.getWidth() <= figure.getRect().getWidth(), "fits its figure");
    }

    @Test
    void a_student_link_opens_the_students_feedback_page() {
        browser.findElement(By.cssSelector("[data-testid=student-row][data-student=cy] [data-testid=student-link]"))
                .click();
        assertEquals("Feedback for cy: 4 / 4", browser.getTitle());
    }

    @Test
    void a_mistake_example_lands_on_the_diagnosed_check() {
        WebElement example = browser.findElement(By.cssSelector("[data-testid=mistake-row] [data-testid="
                + "mistake-examples] a"));
        String anchor = example.getAttribute("href").substring(example.getAttribute("href").indexOf('#') + 1);
        example.click();
        assertTrue(browser.getTitle().startsWith("Feedback for ada"), browser.getTitle());
        WebElement check = browser.findElement(By.id(anchor));
        assertTrue(check.isDisplayed());
        assertTrue(check.findElement(By.cssSelector("[data-testid=diagnosis]")).isDisplayed());
    }

    @Test
    void leaves_a_screenshot_for_people_to_look_at() throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.createDirectories(SCREENSHOT.toAbsolutePath().getParent());
        Files.copy(shot.toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.size(SCREENSHOT) > 10_000, "screenshot is " + Files.size(SCREENSHOT) + " bytes");
    }
}

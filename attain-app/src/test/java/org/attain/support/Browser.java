package org.attain.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * A real headless Chromium for page tests. Uses the system Chromium and ChromeDriver when present
 * (CI installs them); elsewhere Selenium finds or fetches a browser itself. Closing it fails the test
 * if a page broke the Content Security Policy.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final String base;
    private final Path profile;

    public Browser(String base, String acceptLanguage) {
        this.base = base;
        ChromeOptions options = new ChromeOptions();
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,900",
                "--lang=" + acceptLanguage);
        profile = tempDir();
        options.addArguments("--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", acceptLanguage));
        // The console is read for Content Security Policy violations (cspViolations).
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        if (Files.isExecutable(CHROMIUM)) {
            options.setBinary(CHROMIUM.toString());
        }
        if (Files.isExecutable(CHROMEDRIVER)) {
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            driver = new ChromeDriver(service, options);
        } else {
            driver = new ChromeDriver(options);
        }
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    public Browser logIn(String username, String password) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        String loginPage = driver.getCurrentUrl();
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        // Until the next page is there (home, or the login page again with its error): a test that acts at once
        // would act on the login page while it is being replaced (seen on a loaded machine: a button appended to
        // the login page, then axe run on the home page that followed).
        try {
            new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(20))
                    .until(d -> !loginPage.equals(d.getCurrentUrl())
                            && "complete"
                                    .equals(((org.openqa.selenium.JavascriptExecutor) d)
                                            .executeScript("return document.readyState")));
        } catch (org.openqa.selenium.TimeoutException stillThere) {
            // Left to the test: it reads what the page says.
        }
        return this;
    }

    /**
     * The element's text. A page that is navigating or swapping its main content (live updates, htmx) can replace the
     * element between finding and reading it, or not have it yet: then it is found and read again, for up to 10 s.
     */
    public String text(String css) {
        return read(By.cssSelector(css));
    }

    /**
     * The element's text once it contains {@code expected} (up to 10 s): after a click that submits a form, the old
     * page can still be on screen for a moment, and reading at once would read the old page. Returns whatever the
     * element says at the end, so the assertion that follows shows what was there instead.
     */
    public String textOnceItShows(String css, String expected) {
        try {
            return new org.openqa.selenium.support.ui.FluentWait<>(driver)
                    .withTimeout(java.time.Duration.ofSeconds(10))
                    .pollingEvery(java.time.Duration.ofMillis(100))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .ignoring(org.openqa.selenium.NoSuchElementException.class)
                    .until(d -> {
                        String text = d.findElement(By.cssSelector(css)).getText();
                        return text.contains(expected) ? text : null;
                    });
        } catch (org.openqa.selenium.TimeoutException e) {
            return text(css);
        }
    }

    /**
     * Clicks the element, finding it again if the page replaced it between finding and clicking (a live check or an
     * htmx swap re-rendering the section): Chrome then answers "stale element" or "node does not belong to the
     * document", and the click never reached the page, so trying again cannot click twice. Up to 10 s.
     */
    public Browser click(String css) {
        return click(d -> d.findElement(By.cssSelector(css)));
    }

    /** {@link #click(String)} for an element found some other way (a row by its text, then its button). */
    public Browser click(java.util.function.Function<WebDriver, WebElement> find) {
        new org.openqa.selenium.support.ui.FluentWait<>(driver)
                .withTimeout(Duration.ofSeconds(10))
                .pollingEvery(Duration.ofMillis(100))
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    try {
                        find.apply(d).click();
                        return true;
                    } catch (org.openqa.selenium.WebDriverException e) {
                        if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                            return false;
                        }
                        throw e;
                    }
                });
        return this;
    }

    /**
     * Follows a link of the header's navigation by its text, opening the menu it is in first (a closed menu's links
     * cannot be clicked, as for a person).
     */
    public Browser clickNav(String linkText) {
        WebElement link = driver.findElements(By.cssSelector("header.top nav a")).stream()
                .filter(a -> linkText.equals(a.getAttribute("textContent").strip()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No link '" + linkText + "' in the navigation"));
        if (!link.isDisplayed()) {
            link.findElement(By.xpath("ancestor::li[contains(@class,'menu')]/button"))
                    .click();
        }
        link.click();
        return this;
    }

    /** The labels of the header's menus, in order. */
    public List<String> navMenus() {
        return driver.findElements(By.cssSelector("header.top nav.menus:not(.account) .menu-button")).stream()
                .map(b -> b.getAttribute("textContent").strip())
                .toList();
    }

    public String pageText() {
        return read(By.tagName("body"));
    }

    private String read(By by) {
        return new org.openqa.selenium.support.ui.FluentWait<>(driver)
                .withTimeout(java.time.Duration.ofSeconds(10))
                .pollingEvery(java.time.Duration.ofMillis(100))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(d -> d.findElement(by).getText());
    }

    /**
     * What the browser's console said about the Content Security Policy since the last call (reading
     * empties the console buffer): every entry is something a page tried that the policy refused.
     */
    public List<String> cspViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy"))
                .toList();
    }

    /** axe-core's browser script, from the com.deque.html.axe-core jar (a test dependency): read once per test run. */
    private static volatile String axeScript;

    /**
     * Runs axe-core on the page now shown and returns its serious and critical violations, one readable line per rule
     * and element: {@code rule (impact) on selector: help [what axe saw]}. Empty when the page passes. A page that is
     * not HTML (a CSV or PDF the browser shows) has nothing to check. axe's script is injected through WebDriver, which
     * the page's Content Security Policy does not govern, and runs in the page's own document.
     */
    @SuppressWarnings("unchecked")
    public List<String> axe() {
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) driver;
        if (!"text/html".equals(js.executeScript("return document.contentType"))) {
            return List.of();
        }
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(axeScript());
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object found = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                  .then(r => done(r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .flatMap(v => v.nodes.map(n => v.id + ' (' + v.impact + ') on ' + n.target.join(' > ') + ': ' + v.help
                      + ' [' + (n.failureSummary || '').replace(/\s+/g, ' ').trim().slice(0, 240) + ']'))))
                  .catch(e => done(['axe failed: ' + e]));
                """);
        return List.copyOf((List<String>) found);
    }

    /** Fails with axe's serious and critical violations on the page now shown, named by {@code what} (e.g. the URL). */
    public void assertAccessible(String what) {
        List<String> violations = axe();
        if (!violations.isEmpty()) {
            throw new AssertionError("Accessibility (axe-core) on " + what + ":\n  " + String.join("\n  ", violations));
        }
    }

    private static String axeScript() {
        String script = axeScript;
        if (script == null) {
            try (var in = Browser.class.getResourceAsStream("/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException(
                            "axe.min.js is not on the test classpath (com.deque.html.axe-core)");
                }
                script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                axeScript = script;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return script;
    }

    /** Saves a screenshot under target/screenshots for a person to look at. */
    public Path screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void resize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    }

    /**
     * Fails the test when the console still holds Content Security Policy violations: every browser
     * test checks the policy this way, without asking. A test that provokes one reads it first.
     */
    @Override
    public void close() {
        List<String> violations = List.of();
        try {
            violations = cspViolations();
        } catch (RuntimeException e) {
            // A browser that is already gone has nothing more to say.
        } finally {
            driver.quit();
            deleteProfile();
        }
        if (!violations.isEmpty()) {
            throw new AssertionError("Content Security Policy violations in the browser's console: " + violations);
        }
    }

    /** Chromium's profile folder is a few MB; a suite opens hundreds of browsers, so none is left behind. */
    private void deleteProfile() {
        try (var paths = Files.walk(profile)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Best effort: a folder Chromium still holds open is left to the OS's temp cleaning.
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("attain-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

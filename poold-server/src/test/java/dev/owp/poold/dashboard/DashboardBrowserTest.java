package dev.owp.poold.dashboard;

import static dev.owp.poold.support.TaskSpecBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.poold.support.PooldIntegrationTest;
import dev.owp.protocol.task.Artifact;
import dev.owp.protocol.task.StatusUpdate;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.worker.RegisteredWorker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser: Debian's Chromium, headless, driven by Selenium. Screenshots go
 * to {@code target/screenshots/}. The browser comes from {@code OWP_TEST_CHROMIUM} and {@code
 * OWP_TEST_CHROMEDRIVER} (set by {@code .ci/setup.sh}); without them the tests are skipped, unless
 * {@code OWP_TEST_POSTGRES_REQUIRED=true} (CI), where a missing browser is a failure.
 */
@Tag("browser")
class DashboardBrowserTest extends PooldIntegrationTest {

  private static final Duration LIVE = Duration.ofSeconds(3);
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Dimension LAPTOP = new Dimension(1400, 1000);
  private static final Dimension PHONE = new Dimension(390, 1400);

  private static WebDriver browser;

  @BeforeAll
  static void startBrowser() throws IOException {
    String chromium = System.getenv("OWP_TEST_CHROMIUM");
    String driver = System.getenv("OWP_TEST_CHROMEDRIVER");
    boolean present =
        chromium != null
            && driver != null
            && Files.isExecutable(Path.of(chromium))
            && Files.isExecutable(Path.of(driver));
    if (!present) {
      if ("true".equals(System.getenv("OWP_TEST_POSTGRES_REQUIRED"))) {
        throw new IllegalStateException(
            "OWP_TEST_CHROMIUM and OWP_TEST_CHROMEDRIVER must name Chromium and chromedriver");
      }
      Assumptions.abort("no browser: set OWP_TEST_CHROMIUM and OWP_TEST_CHROMEDRIVER");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1400,1000");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(Path.of(driver).toFile()).build();
    browser = new ChromeDriver(service, options);
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @BeforeEach
  void freshSession() {
    browser.get(server() + "/healthz");
    browser.manage().deleteAllCookies();
  }

  @Test
  void aTaskChangesStateOnScreenWithoutReload() throws IOException {
    repo("demo", 3, true);
    TaskId id = task(aTask("demo").titled("Fix the parser").inArea("parser"));
    RegisteredWorker alice = register("alice", 5, 2);
    beat(alice);
    browser.get(server() + "/");
    awaitLive();
    ((JavascriptExecutor) browser).executeScript("window.__sameDocument = true;");
    assertThat(statusOnScreen(id)).isEqualTo("leased");

    as(alice)
        .updateStatus(
            id,
            new StatusUpdate(
                TaskStatus.PR_OPENED,
                "ready for review",
                Artifact.ofPullRequest("https://github.com/o/r/pull/7"),
                null));

    new WebDriverWait(browser, LIVE).until(b -> "pr_opened".equals(statusOnScreen(id)));
    assertThat(textOn("#count-pr_opened")).isEqualTo("1");
    assertThat(((JavascriptExecutor) browser).executeScript("return window.__sameDocument"))
        .isEqualTo(true);
    screenshot("live-update");
  }

  @Test
  void filterSearchAndOpenATasksHistory() throws IOException {
    repo("alpha", 3, false);
    repo("beta", 3, false);
    TaskId parser = task(aTask("alpha").titled("Fix the parser").needing("python"));
    task(aTask("alpha").titled("Write the docs").needing("docs"));
    task(aTask("beta").titled("Parser in beta"));
    RegisteredWorker alice = register("alice", 5, 1, "python");
    beat(alice);
    browser.get(server() + "/");
    awaitLive();

    // Once a field is changed the live updates leave the filter form alone until it is sent.
    selectRepo("alpha");
    WebElement search = browser.findElement(By.name("q"));
    search.sendKeys("PARSER");
    search.submit();

    new WebDriverWait(browser, LIVE).until(b -> b.getCurrentUrl().contains("q=PARSER"));
    assertThat(taskRows()).containsExactly(parser.value());
    screenshot("filtered");

    browser.findElement(By.linkText(parser.value())).click();
    new WebDriverWait(browser, LIVE)
        .until(b -> b.getCurrentUrl().endsWith("/tasks/" + parser.value()));
    List<String> history =
        browser.findElements(By.cssSelector("ol.history .event")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(history).containsExactly("task.create", "task.leased");
    assertThat(textOn("#task-status")).isEqualTo("leased");
    screenshot("task-history");
  }

  @Test
  void anAdminPausesAWorkerAndRequeuesATaskAfterEnteringTheToken() throws IOException {
    repo("demo", 3, false);
    TaskId id = task(aTask("demo").titled("Held task"));
    RegisteredWorker alice = register("alice", 5, 2);
    beat(alice);
    browser.get(server() + "/");
    assertThat(browser.findElements(By.cssSelector("form.admin-form"))).isEmpty();

    browser.findElement(By.id("sign-in")).click();
    browser.findElement(By.id("admin-token")).sendKeys(ADMIN_TOKEN);
    browser.findElement(By.id("sign-in-button")).click();
    new WebDriverWait(browser, LIVE)
        .until(b -> !b.findElements(By.cssSelector("button.pause")).isEmpty());
    assertThat(browser.getCurrentUrl()).doesNotContain(ADMIN_TOKEN);
    assertThat(browser.getPageSource()).doesNotContain(ADMIN_TOKEN);

    click(By.cssSelector("button.pause"));
    new WebDriverWait(browser, LIVE).until(b -> "paused".equals(textOn("tr[data-worker] .state")));
    assertThat(admin().worker(alice.workerId()).paused()).isTrue();

    browser.get(server() + "/tasks/" + id.value());
    click(By.id("requeue"));
    new WebDriverWait(browser, LIVE).until(b -> "ready".equals(textOn("#task-status")));
    assertThat(statusOf(id)).isEqualTo(TaskStatus.READY);
    screenshot("admin-requeued");
  }

  @Test
  void aFormWithoutTheAdminTokenIsRefused() throws IOException {
    repo("demo", 3, false);
    RegisteredWorker alice = register("alice", 5, 2);
    beat(alice);
    browser.get(server() + "/");

    // A form forged in the page: no signed-in session, no CSRF token.
    ((JavascriptExecutor) browser)
        .executeScript(
            "var f = document.createElement('form'); f.method = 'post';"
                + " f.action = '/admin/workers/' + arguments[0] + '/pause';"
                + " document.body.appendChild(f); f.submit();",
            alice.workerId().value());

    new WebDriverWait(browser, LIVE)
        .until(b -> b.findElement(By.tagName("h1")).getText().equals("Forbidden"));
    assertThat(admin().worker(alice.workerId()).paused()).isFalse();
    screenshot("refused");
  }

  @Test
  void aPopulatedPoolAsAMaintainerSeesIt() throws IOException {
    repo("acme/api", 3, true);
    repo("acme/web", 2, false);
    repo("acme/docs", 1, true);
    RegisteredWorker alice = register("alice", 8, 3, "python", "docs");
    RegisteredWorker bob = register("bob", 5, 2, "typescript");
    RegisteredWorker carol = register("carol", 3, 1, "docs");
    List<TaskId> api =
        List.of(
            task(
                aTask("acme/api")
                    .titled("Validate webhook signatures")
                    .needing("python")
                    .inArea("webhooks")),
            task(
                aTask("acme/api").titled("Paginate /v2/orders").needing("python").inArea("orders")),
            task(aTask("acme/api").titled("Retry idempotent PUTs").needing("python")));
    TaskId web = task(aTask("acme/web").titled("Dark mode for settings").needing("typescript"));
    task(aTask("acme/web").titled("Fix flaky login e2e test").needing("typescript"));
    TaskId docs =
        task(
            aTask("acme/docs")
                .titled("Document the retry policy")
                .needing("docs")
                .inArea("guides"));
    task(aTask("acme/docs").titled("<script>alert('xss')</script> in a title is just text"));
    beat(alice);
    beat(bob);
    beat(carol);
    report(alice, api.get(0), TaskStatus.IN_PROGRESS);
    as(bob)
        .updateStatus(
            web,
            new StatusUpdate(
                TaskStatus.PR_OPENED,
                null,
                Artifact.ofPullRequest("https://github.com/acme/web/pull/42"),
                null));
    report(carol, docs, TaskStatus.IN_PROGRESS);
    clock.advance(Duration.ofSeconds(12));
    browser.get(server() + "/");
    awaitLive();

    assertThat(textOn("td.title")).isNotBlank();
    assertThat(browser.getPageSource()).doesNotContain("<script>alert");
    Path shot = screenshot("dashboard");
    Path docsCopy = Path.of(System.getProperty("owp.docs.screenshot", ""));
    if (!docsCopy.toString().isEmpty()) {
      Files.copy(shot, docsCopy, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Test
  void onAPhoneTaskTitlesAndEventDetailsWrapAtWords() throws IOException {
    repo("acme/backend-services", 3, false);
    task(
        aTask("acme/backend-services")
            .titled(
                "Refactor the authentication middleware so that expired refresh tokens are"
                    + " rejected before the database lookup")
            .needing("python", "docs")
            .inArea("auth"));
    browser.manage().window().setSize(PHONE);
    try {
      browser.get(server() + "/");
      assertThat(number("return window.innerWidth")).isLessThanOrEqualTo(700);

      // Squeezed into a table column, a title got a few letters a line. Measured in the page, in
      // one script each: a live update may replace the row between a lookup and a read.
      assertThat(widthOf("td.title")).isGreaterThan(300);
      assertThat(widthOf("td.details")).isGreaterThan(300);
      assertThat(number("return document.documentElement.scrollWidth"))
          .isEqualTo(number("return document.documentElement.clientWidth"));
      screenshot("phone");
    } finally {
      browser.manage().window().setSize(LAPTOP);
    }
  }

  @Test
  void aSectionWithUnsentEditsPausesLiveUpdatesUntilTheEditsAreUndone() throws IOException {
    repo("alpha", 3, false);
    repo("beta", 3, false);
    task(aTask("alpha").titled("Fix the parser"));
    browser.get(server() + "/");
    awaitLive();
    assertThat(browser.findElements(By.cssSelector(".paused-hint"))).isEmpty();

    selectRepo("alpha");
    new WebDriverWait(browser, LIVE).until(b -> pausedHint() != null);
    assertThat(pausedHint().getText()).startsWith("Live updates paused while you edit");
    TaskId first = task(aTask("beta").titled("Created while the filter was edited"));
    // The counts follow; the task list, being edited, does not.
    new WebDriverWait(browser, LIVE).until(b -> "2".equals(textOn("#count-ready")));
    assertThat(taskRows()).doesNotContain(first.value());
    screenshot("paused-while-editing");

    selectRepo("");
    click(By.cssSelector("#tasks h2"));
    new WebDriverWait(browser, LIVE).until(b -> taskRows().contains(first.value()));
    assertThat(pausedHint()).isNull();

    browser.findElement(By.name("q")).sendKeys("parser");
    new WebDriverWait(browser, LIVE).until(b -> pausedHint() != null);
    TaskId second = task(aTask("beta").titled("Created while the search was typed"));
    new WebDriverWait(browser, LIVE).until(b -> "3".equals(textOn("#count-ready")));
    assertThat(taskRows()).doesNotContain(second.value());
    click(By.cssSelector(".paused-hint button"));
    new WebDriverWait(browser, LIVE).until(b -> taskRows().contains(second.value()));
    assertThat(browser.findElement(By.name("q")).getAttribute("value")).isEmpty();
    assertThat(pausedHint()).isNull();
  }

  /** Chooses a repository in the task filter, again if a live update replaced it meanwhile. */
  private static void selectRepo(String value) {
    new WebDriverWait(browser, LIVE)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            b -> {
              new Select(b.findElement(By.name("repo"))).selectByValue(value);
              return true;
            });
  }

  private static @Nullable WebElement pausedHint() {
    List<WebElement> hints = browser.findElements(By.cssSelector("#tasks .paused-hint"));
    return hints.isEmpty() ? null : hints.get(0);
  }

  private static long widthOf(String selector) {
    return number(
        "return document.querySelector('" + selector + "').getBoundingClientRect().width");
  }

  private static long number(String script) {
    return ((Number) ((JavascriptExecutor) browser).executeScript(script)).longValue();
  }

  /** Clicks, again if a live update replaced the element meanwhile. */
  private static void click(By what) {
    new WebDriverWait(browser, LIVE)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            b -> {
              b.findElement(what).click();
              return true;
            });
  }

  private void awaitLive() {
    new WebDriverWait(browser, LIVE)
        .until(
            b ->
                "on"
                    .equals(
                        ((JavascriptExecutor) b)
                            .executeScript(
                                "return document.documentElement.getAttribute('data-live')")));
  }

  private String statusOnScreen(TaskId id) {
    return textOn("tr[data-task='" + id.value() + "'] .status");
  }

  /**
   * The text of the first element matching {@code css}, or null, read in one script: a live update
   * may replace the element between a findElement and a getText.
   */
  private static String textOn(String css) {
    return (String)
        ((JavascriptExecutor) browser)
            .executeScript(
                "const e = document.querySelector(arguments[0]);"
                    + " return e ? e.innerText.trim() : null;",
                css);
  }

  /** The task ids listed, read in one go: a live update may replace the rows at any moment. */
  @SuppressWarnings("unchecked")
  private List<String> taskRows() {
    return (List<String>)
        ((JavascriptExecutor) browser)
            .executeScript(
                "return Array.from(document.querySelectorAll('tr[data-task]'),"
                    + " row => row.getAttribute('data-task'))");
  }

  private static Path screenshot(String name) throws IOException {
    Path file = SCREENSHOTS.resolve(name + ".png");
    Files.copy(
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
        file,
        StandardCopyOption.REPLACE_EXISTING);
    return file;
  }
}

package dev.vigil.starter.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (the Debian {@code chromium} and {@code chromium-driver} packages that {@code ./vigil test}
 * installs when missing) driven through WebDriver, with screenshots written to {@code target/screenshots}.
 */
final class Browser implements AutoCloseable {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String CHROMIUM = firstExisting("/usr/bin/chromium", "/usr/bin/chromium-browser");
  private static final String DRIVER = firstExisting("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

  final ChromeDriver driver;
  private final String base;

  Browser(int port) {
    if (CHROMIUM == null || DRIVER == null) {
      throw new IllegalStateException("Chromium and chromium-driver are not installed: run ./vigil test (it installs "
          + "them) or apt-get install chromium chromium-driver");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=1400,1100", "--lang=en-US");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(DRIVER))
        .usingAnyFreePort()
        .build();
    this.driver = new ChromeDriver(service, options);
    this.base = "http://localhost:" + port;
  }

  void open(String path) {
    driver.get(base + path);
  }

  String path() {
    return driver.getCurrentUrl().substring(base.length());
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  /** Clicks what {@code css} selects, finding it again when a live update replaced it in between (the queue's rows). */
  void click(String css) {
    await(10, d -> {
      d.findElement(By.cssSelector(css)).click();
      return true;
    });
  }

  /** Waits up to {@code seconds} for the condition to be non-null and not false. */
  <T> T await(int seconds, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(100))
        .ignoring(StaleElementReferenceException.class) // a live section was swapped while being read
        .until(condition::apply);
  }

  void signIn(String user, String password) {
    open("/login");
    find("#username").sendKeys(user);
    find("#password").sendKeys(password);
    find("#sign-in").click();
    await(10, d -> !d.getCurrentUrl().contains("/login"));
  }

  /** A full-page screenshot (beyond the window, through the DevTools protocol) into target/screenshots. */
  @SuppressWarnings("unchecked")
  Path screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
    Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
    double width = ((Number) size.get("width")).doubleValue();
    double height = Math.min(6_000, ((Number) size.get("height")).doubleValue());
    Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
        "format", "png", "captureBeyondViewport", true,
        "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
    Path target = SCREENSHOTS.resolve(name + ".png");
    Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
    return target;
  }

  @Override
  public void close() {
    driver.quit();
  }

  private static String firstExisting(String... paths) {
    for (String p : paths) {
      if (new File(p).canExecute()) {
        return p;
      }
    }
    return null;
  }
}

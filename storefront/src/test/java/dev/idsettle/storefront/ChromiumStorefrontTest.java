package dev.idsettle.storefront;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The storefront's flows in a real Chromium (Debian's {@code chromium} and {@code
 * chromium-driver}), headless, with a phone-sized window; every page is saved as a screenshot under
 * {@code target/screenshots/}. Without the two packages the class is skipped and says so; under
 * {@code CI=true} it fails instead: CI installs them ({@code .ci/run}).
 */
class ChromiumStorefrontTest extends StorefrontFlows {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @Override
  WebDriver openDriver() {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String missing =
          "Chromium browser tests need "
              + CHROMIUM
              + " and "
              + CHROMEDRIVER
              + " (apt-get install chromium chromium-driver)";
      if ("true".equals(System.getenv("CI"))) {
        fail(missing + ": under CI=true they must run, not skip");
      }
      System.err.println("SKIPPED: " + missing);
      Assumptions.abort("SKIPPED: " + missing);
    }
    // the system's driver and browser: Selenium Manager then downloads nothing
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=412,1100");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .withTimeout(Duration.ofSeconds(60))
            .build();
    return new ChromeDriver(service, options);
  }

  @Override
  boolean screenshots() {
    return true;
  }
}

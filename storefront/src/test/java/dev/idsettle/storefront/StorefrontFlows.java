package dev.idsettle.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.Account;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The storefront's flows through Selenium's WebDriver API, written once and run by each browser
 * (HtmlUnit always, Chromium where it is installed): buy, see the ID again after a wrong PIN, look
 * up an access number, buy a ticket and check it in twice, a form without its token refused. Each
 * subclass names its driver; Chromium also saves a screenshot of every page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StorefrontFlows {
  DemoShop shop;
  WebDriver driver;

  /** The browser under test (may abort or fail the class when the browser is missing). */
  abstract WebDriver openDriver();

  /** Whether to save screenshots (a real browser). */
  abstract boolean screenshots();

  @BeforeAll
  void start() {
    driver = openDriver();
    shop = TestShops.open(getClass().getSimpleName());
  }

  @AfterAll
  void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (shop != null) {
      shop.close();
    }
  }

  @Test
  void buysAnIdAndSeesItAgainWithTheRightPinAfterAWrongOne() {
    int before = shop.desk().available("talk-1000");
    open("/");
    assertThat(driver.getTitle()).startsWith("Buy an ID");
    snap("01-buy-form");
    String id = buy("talk-1000", "alice", "alice-pw", "4321");
    snap("02-bought");
    Account account = shop.settle().account(IdNumber.parse(id)).orElseThrow();
    assertThat(account.posted()).isEqualTo(1000);
    assertThat(shop.desk().available("talk-1000")).isEqualTo(before - 1);

    String checkUrl =
        Objects.requireNonNull(driver.findElement(By.cssSelector(".token a")).getAttribute("href"));
    assertThat(checkUrl).contains("/check/");
    driver.get(checkUrl);
    assertThat(driver.getTitle()).startsWith("See your ID again");
    snap("03-check-form");
    pin("1111");
    assertThat(text(".bad")).startsWith("Not shown");
    assertThat(driver.findElements(By.cssSelector(".id"))).isEmpty();
    snap("04-check-wrong-pin");
    pin("4321");
    assertThat(driver.getTitle()).startsWith("Your ID");
    assertThat(text(".id")).isEqualTo(id);
    snap("05-check-shown");
  }

  @Test
  void aBuyerTheBankRefusesIsToldWhyAndGetsNothing() {
    int before = shop.desk().available("talk-3000");
    open("/");
    fillBuyForm("talk-3000", "bob", "bob-pw", "5555", "5555");
    assertThat(text(".bad")).contains("credit does not cover the price");
    assertThat(driver.findElements(By.cssSelector(".id"))).isEmpty();
    assertThat(shop.desk().available("talk-3000")).isEqualTo(before);
    snap("06-refused-by-the-bank");
  }

  @Test
  void looksUpTheAccessNumberOfARegion() {
    open("/access");
    snap("07-access-pick");
    new Select(driver.findElement(By.id("region"))).selectByVisibleText("Osaka");
    submit();
    assertThat(text(".region h2")).isEqualTo("Osaka");
    List<String> numbers =
        driver.findElements(By.cssSelector(".numbers a")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(numbers).containsExactly("06-1234-5678", "0120-000-111");
    assertThat(driver.findElement(By.cssSelector(".numbers a")).getAttribute("href"))
        .isEqualTo("tel:0612345678");
    assertThat(text(".notes")).contains("free from fixed lines");
    snap("08-access-shown");
  }

  @Test
  void checksATicketInOnceAndASecondCheckInSaysWhenItWasUsed() {
    open("/");
    String id = buy("goods-5000", "alice", "alice-pw", "2468");
    open("/shop");
    snap("09-shop");
    driver.findElement(By.cssSelector("input[value='concert-0312']")).click();
    driver.findElement(By.id("id")).sendKeys(id);
    submit();
    assertThat(driver.getTitle()).startsWith("Your ticket");
    String ticket = text(".id");
    assertThat(ticket).matches("[0-9A-Z]{5}(-[0-9A-Z]{5}){4}[0-9A-Z]");
    assertThat(driver.findElement(By.tagName("main")).getText()).contains("JPY 2000");
    snap("10-ticket");

    open("/checkin");
    snap("11-checkin-form");
    checkIn("concert-0312", "North gate", ticket);
    assertThat(text(".admit")).isEqualTo("Admitted: let them in.");
    snap("12-checkin-admitted");
    checkIn("concert-0312", "South gate", ticket.toLowerCase(java.util.Locale.ROOT));
    assertThat(text(".deny"))
        .startsWith("Already used at North gate on ")
        .endsWith("UTC: do not admit.");
    assertThat(driver.findElements(By.cssSelector(".admit"))).isEmpty();
    snap("13-checkin-already-used");
  }

  @Test
  void aFormWithoutItsTokenIsRefusedAndChangesNothing() {
    int before = shop.desk().available("talk-1000");
    open("/");
    ((JavascriptExecutor) driver)
        .executeScript("document.querySelector('input[name=csrf]').remove()");
    fillBuyForm("talk-1000", "alice", "alice-pw", "4321", "4321");
    assertThat(driver.getTitle()).startsWith("Form refused");
    assertThat(driver.findElements(By.cssSelector(".id"))).isEmpty();
    assertThat(shop.desk().available("talk-1000")).isEqualTo(before);
    snap("14-form-refused");
  }

  @Test
  void whatItShowsBackIsEscaped() {
    open("/");
    fillBuyForm("talk-1000", "<b id=\"x\">alice</b>", "pw", "1234", "4321");
    assertThat(text(".bad")).contains("two PINs differ");
    assertThat(driver.findElement(By.id("member")).getAttribute("value"))
        .isEqualTo("<b id=\"x\">alice</b>");
    assertThat(driver.findElements(By.id("x"))).isEmpty();

    open("/checkin");
    checkIn("museum-day", "<i id=\"y\">gate</i>", "00000-00000-00000-00000-000000");
    assertThat(text(".deny")).isEqualTo("Unknown ticket: do not admit.");
    assertThat(driver.findElement(By.id("venue")).getAttribute("value"))
        .isEqualTo("<i id=\"y\">gate</i>");
    assertThat(driver.findElements(By.id("y"))).isEmpty();
  }

  String buy(String denomination, String member, String password, String pin) {
    fillBuyForm(denomination, member, password, pin, pin);
    assertThat(driver.getTitle()).startsWith("Your ID");
    String id = text(".id");
    assertThat(id).matches("[0-9]{4}( [0-9]{4}){3}");
    return id;
  }

  void fillBuyForm(String denomination, String member, String password, String pin, String pin2) {
    driver.findElement(By.cssSelector("input[value='" + denomination + "']")).click();
    driver.findElement(By.id("member")).sendKeys(member);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.id("pin")).sendKeys(pin);
    driver.findElement(By.id("pin2")).sendKeys(pin2);
    submit();
  }

  void pin(String pin) {
    WebElement field = driver.findElement(By.id("pin"));
    field.clear();
    field.sendKeys(pin);
    submit();
  }

  void checkIn(String item, String venue, String code) {
    new Select(driver.findElement(By.id("item"))).selectByValue(item);
    WebElement v = driver.findElement(By.id("venue"));
    v.clear();
    v.sendKeys(venue);
    driver.findElement(By.id("code")).sendKeys(code);
    submit();
  }

  /** Sends the page's form and waits for the next page (a click alone may return before it). */
  void submit() {
    WebElement page = driver.findElement(By.tagName("html"));
    driver.findElement(By.cssSelector("form button")).click();
    new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> gone(page));
  }

  /**
   * Whether {@code e} left the document (ChromeDriver may say so with a plain error, not stale).
   */
  static boolean gone(WebElement e) {
    try {
      e.isEnabled();
      return false;
    } catch (WebDriverException left) {
      return true;
    }
  }

  void open(String path) {
    driver.get(shop.uri().resolve(path).toString());
  }

  String text(String css) {
    return driver.findElement(By.cssSelector(css)).getText();
  }

  void snap(String name) {
    if (!screenshots()) {
      return;
    }
    Path dir = Path.of(System.getProperty("idsettle.screenshots", "target/screenshots"));
    try {
      Files.createDirectories(dir);
      Files.write(
          dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.idsettle.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.sales.SimulatedBank;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The storefront below the browser: headers, the form token's checks, malformed requests, and the
 * log, with the JDK's HTTP client so that each request is exactly what the test says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StorefrontHttpTest {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private static final Pattern KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");
  private static final Pattern ID = Pattern.compile("class=\"id\">([0-9 ]+)<");
  private final HttpClient http = HttpClient.newHttpClient();
  private DemoShop shop;

  @BeforeAll
  void start() {
    shop = TestShops.open("http");
  }

  @AfterAll
  void stop() {
    shop.close();
  }

  @Test
  void everyPageIsSentWithTheSecurityHeaders() throws Exception {
    for (String path : new String[] {"/", "/access?region=tokyo", "/shop", "/checkin", "/nope"}) {
      HttpResponse<String> r = get(path, null);
      assertThat(r.headers().firstValue("Content-Security-Policy"))
          .hasValue(Storefront.CSP)
          .get()
          .asString()
          .contains("default-src 'none'")
          .contains("frame-ancestors 'none'")
          .contains("form-action 'self'");
      assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
      assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
      assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
      assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
      assertThat(r.body()).doesNotContain("<script").doesNotContain("style=");
    }
    assertThat(get("/nope", null).statusCode()).isEqualTo(404);
    HttpResponse<String> css = get("/style.css", null);
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
  }

  @Test
  void theSessionCookieIsHttpOnlyAndSameSiteStrict() throws Exception {
    HttpResponse<String> r = get("/", null);
    assertThat(r.headers().firstValue("Set-Cookie"))
        .get()
        .asString()
        .matches("sid=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict");
    String cookie = cookie(r);
    assertThat(get("/", cookie).headers().firstValue("Set-Cookie")).isEmpty();
  }

  @Test
  void aPostIsRefusedWithoutTheTokenOfItsSessionOrFromAnotherSite() throws Exception {
    HttpResponse<String> page = get("/", null);
    String cookie = cookie(page);
    String token = group(CSRF, page.body());
    String other = group(CSRF, get("/", null).body()); // another session's token
    Map<String, String> order = order(group(KEY, page.body()));
    int before = shop.desk().available("talk-1000");

    assertThat(post("/buy", null, with(order, token), Map.of()).statusCode()).isEqualTo(403);
    assertThat(post("/buy", cookie, order, Map.of()).statusCode()).isEqualTo(403);
    assertThat(post("/buy", cookie, with(order, other), Map.of()).statusCode()).isEqualTo(403);
    assertThat(post("/buy", cookie, with(order, token + "x"), Map.of()).statusCode())
        .isEqualTo(403);
    Map<String, String> evil = Map.of("Origin", "http://evil.example");
    assertThat(post("/buy", cookie, with(order, token), evil).statusCode()).isEqualTo(403);
    Map<String, String> crossSite = Map.of("Sec-Fetch-Site", "cross-site");
    assertThat(post("/buy", cookie, with(order, token), crossSite).statusCode()).isEqualTo(403);
    HttpResponse<String> refused = post("/checkin", cookie, Map.of("code", "x"), Map.of());
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("Nothing was done");
    assertThat(shop.desk().available("talk-1000")).isEqualTo(before);

    // the same form with its token, from this site, is taken
    String origin = shop.uri().toString().replaceAll("/$", "");
    HttpResponse<String> taken = post("/buy", cookie, with(order, token), Map.of("Origin", origin));
    assertThat(taken.statusCode()).isEqualTo(200);
    assertThat(taken.body()).contains("Your ID number");
    assertThat(shop.desk().available("talk-1000")).isEqualTo(before - 1);
    // sent again (a reload): the same purchase, the same ID, no second charge
    HttpResponse<String> again = post("/buy", cookie, with(order, token), Map.of("Origin", "null"));
    assertThat(group(ID, again.body())).isEqualTo(group(ID, taken.body()));
    assertThat(shop.desk().available("talk-1000")).isEqualTo(before - 1);
    // another session cannot replay that form's purchase
    HttpResponse<String> second = get("/", null);
    HttpResponse<String> replay =
        post("/buy", cookie(second), with(order, group(CSRF, second.body())), Map.of());
    assertThat(replay.body()).doesNotContain(group(ID, taken.body()));
  }

  @Test
  void malformedRequestsAreRefusedBeforeAnyPage() throws Exception {
    HttpResponse<String> page = get("/", null);
    String cookie = cookie(page);
    String token = group(CSRF, page.body());
    HttpRequest put =
        HttpRequest.newBuilder(shop.uri().resolve("/"))
            .PUT(HttpRequest.BodyPublishers.ofString("x"))
            .build();
    HttpResponse<String> r = http.send(put, HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.headers().firstValue("Allow")).hasValue("GET, POST");
    HttpRequest json =
        HttpRequest.newBuilder(shop.uri().resolve("/buy"))
            .header("Content-Type", "application/json")
            .header("Cookie", cookie)
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();
    assertThat(http.send(json, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(415);
    String big = "csrf=" + token + "&pad=" + "a".repeat(Request.MAX_BODY);
    assertThat(raw("/buy", cookie, big).statusCode()).isEqualTo(413);
    assertThat(raw("/buy", cookie, "csrf=" + token + "&a=1&a=2").statusCode()).isEqualTo(400);
    assertThat(raw("/buy", cookie, "csrf=" + token + "&a=%zz").statusCode()).isEqualTo(400);
    assertThat(raw("/buy", cookie, "a=1&".repeat(40)).statusCode()).isEqualTo(400);
    assertThat(post("/access", cookie, Map.of("csrf", token), Map.of()).statusCode())
        .isEqualTo(405);
    assertThat(get("/check/short", cookie).statusCode()).isEqualTo(404);
  }

  @Test
  void theLogNeverHoldsAnIdNumberNorACheckToken() throws Exception {
    HttpResponse<String> page = get("/", null);
    String cookie = cookie(page);
    Map<String, String> order = with(order(group(KEY, page.body())), group(CSRF, page.body()));
    HttpResponse<String> bought = post("/buy", cookie, order, Map.of());
    String id = group(ID, bought.body()).replace(" ", "");
    Matcher check = Pattern.compile("href=\"(/check/[^\"]+)\"").matcher(bought.body());
    assertThat(check.find()).isTrue();
    String token = check.group(1).substring("/check/".length());
    HttpResponse<String> form = get(check.group(1), cookie);
    assertThat(form.statusCode()).isEqualTo(200);
    Map<String, String> pin = Map.of("csrf", group(CSRF, form.body()), "pin", "9999");
    assertThat(post(check.group(1), cookie, pin, Map.of()).statusCode()).isEqualTo(403);
    Map<String, String> right = Map.of("csrf", group(CSRF, form.body()), "pin", "4321");
    HttpResponse<String> shown = post(check.group(1), cookie, right, Map.of());
    assertThat(group(ID, shown.body()).replace(" ", "")).isEqualTo(id);
    assertThat(shown.headers().firstValue("Cache-Control")).hasValue("no-store");

    Path log = Path.of("target", "storefront-test.log");
    assertThat(log).exists();
    String text = Files.readString(log);
    assertThat(text).contains("check 200").contains("buy 200"); // it does log these pages
    assertThat(text).doesNotContain(id).doesNotContain(token);
  }

  @Test
  void aPaymentThatTimesOutIsPendingAndItsRetryBuysOnce() throws Exception {
    HttpResponse<String> page = get("/", null);
    String cookie = cookie(page);
    Map<String, String> order = with(order(group(KEY, page.body())), group(CSRF, page.body()));
    int before = shop.desk().available("talk-1000");
    shop.bank().inject(SimulatedBank.Operation.CHECK, SimulatedBank.Fault.TIMEOUT_BEFORE);
    HttpResponse<String> pending = post("/buy", cookie, order, Map.of());
    assertThat(pending.statusCode()).isEqualTo(503);
    assertThat(pending.body()).contains("not confirmed yet").contains("Try again");
    assertThat(group(KEY, pending.body())).isEqualTo(order.get("key"));
    assertThat(shop.desk().available("talk-1000")).isEqualTo(before);
    HttpResponse<String> bought = post("/buy", cookie, order, Map.of());
    assertThat(bought.statusCode()).isEqualTo(200);
    assertThat(bought.body()).contains("Your ID number");
    assertThat(shop.desk().available("talk-1000")).isEqualTo(before - 1);
  }

  @Test
  void theShopSaysWhyItDoesNotSell() throws Exception {
    HttpResponse<String> page = get("/", null);
    String cookie = cookie(page);
    String csrf = group(CSRF, page.body());
    String id =
        group(
            ID, post("/buy", cookie, with(order(group(KEY, page.body())), csrf), Map.of()).body());
    HttpResponse<String> shopPage = get("/shop", cookie);
    Map<String, String> buy = new LinkedHashMap<>();
    buy.put("csrf", csrf);
    buy.put("key", group(KEY, shopPage.body()));
    buy.put("item", "concert-0312");
    buy.put("id", id);
    HttpResponse<String> declined = post("/shop", cookie, buy, Map.of());
    assertThat(declined.statusCode()).isEqualTo(402);
    assertThat(declined.body()).contains("Not bought: ");
    buy.put("id", "1234 5678");
    assertThat(post("/shop", cookie, buy, Map.of()).body()).contains("That is not an ID number");
    buy.put("item", "nothing");
    assertThat(post("/shop", cookie, buy, Map.of()).body()).contains("Choose one of the items");
    buy.put("key", "short");
    assertThat(post("/shop", cookie, buy, Map.of()).statusCode()).isEqualTo(400);
  }

  private static Map<String, String> order(String key) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("key", key);
    m.put("denomination", "talk-1000");
    m.put("member", "alice");
    m.put("password", "alice-pw");
    m.put("pin", "4321");
    m.put("pin2", "4321");
    return m;
  }

  private static Map<String, String> with(Map<String, String> form, String csrf) {
    Map<String, String> m = new LinkedHashMap<>(form);
    m.put("csrf", csrf);
    return m;
  }

  private HttpResponse<String> get(String path, @Nullable String cookie)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(shop.uri().resolve(path)).GET();
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(
      String path, @Nullable String cookie, Map<String, String> form, Map<String, String> headers)
      throws IOException, InterruptedException {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(shop.uri().resolve(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    headers.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> raw(String path, String cookie, String body)
      throws IOException, InterruptedException {
    HttpRequest r =
        HttpRequest.newBuilder(shop.uri().resolve(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", cookie)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(r, HttpResponse.BodyHandlers.ofString());
  }

  private static String cookie(HttpResponse<String> r) {
    return r.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
  }

  private static String group(Pattern p, String body) {
    Matcher m = p.matcher(body);
    assertThat(m.find()).as("%s in the page", p).isTrue();
    return m.group(1);
  }
}

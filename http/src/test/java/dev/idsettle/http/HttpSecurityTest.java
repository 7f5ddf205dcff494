package dev.idsettle.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.http.internal.SignedHeaders;
import dev.idsettle.http.message.Messages;
import dev.idsettle.http.message.Request;
import dev.idsettle.id.IdNumber;
import dev.idsettle.money.Money;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests crafted by hand against a real server on loopback: every one that is not a fresh,
 * well-formed request signed by a registered party is refused with a problem and changes nothing in
 * the ledger.
 */
class HttpSecurityTest {
  static final String AUTHORIZE = "/v1/authorize";
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  Network net;
  HttpManagerServer server;
  IdNumber id;

  @BeforeEach
  void setUp() {
    net = new Network();
    server =
        HttpManagerServer.builder(net.endpoint, net.parties)
            .clock(net.clock)
            .maxBodyBytes(4096)
            .maxClockSkew(Duration.ofSeconds(30))
            .start();
    id = net.issue(1).get(0);
    InProcessTransport till = InProcessTransport.to(net.endpoint, Network.TILL);
    ManagerClient.over(till).terminal().activate(id, Money.of(1000, "EUR"), "sale-1");
  }

  @AfterEach
  void tearDown() {
    server.close();
    net.close();
  }

  byte[] authorize(String reference) {
    return Messages.write(new Request.Authorize(1, id, Money.of(100, "EUR"), reference));
  }

  Map<String, String> signed(Party party, byte[] key, String path, long ts, byte[] body) {
    // signed as every caller signs (HttpTransport, the load benchmarks), so the security
    // tests below check the signer's output against the server
    return new LinkedHashMap<>(
        RequestSigner.of(party.name(), key).headers(path, ts, RequestSigner.nonce(), body));
  }

  Map<String, String> signed(byte[] body) {
    return signed(Network.PHONE_DEVICE, Network.key(Network.PHONE_DEVICE), AUTHORIZE, now(), body);
  }

  long now() {
    return net.clock.millis();
  }

  HttpResponse<String> send(String method, String path, Map<String, String> headers, byte[] body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server.uri() + path))
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> post(Map<String, String> headers, byte[] body) throws Exception {
    return send("POST", AUTHORIZE, headers, body);
  }

  void assertProblem(HttpResponse<String> r, int status) {
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
    Problem p = Messages.read(r.body().getBytes(StandardCharsets.UTF_8), Problem.class);
    assertThat(p.status()).isEqualTo(status);
    assertThat(r.body()).doesNotContain(id.digits());
    assertNothingChanged();
  }

  void assertUnauthenticated(HttpResponse<String> r) {
    assertProblem(r, 401);
    // one answer for every failure: it never says which part was wrong
    assertThat(r.body())
        .isEqualTo(new String(Messages.write(Problem.unauthenticated()), StandardCharsets.UTF_8));
  }

  void assertNothingChanged() {
    assertThat(net.balance(id)).isEqualTo(1000);
    assertThat(net.settle.revenue("phone").minor()).isZero();
  }

  @Test
  void aFreshSignedRequestIsAnswered() throws Exception {
    byte[] body = authorize("call-1");
    HttpResponse<String> r = post(signed(body), body);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"outcome\":\"permitted\"");
    assertThat(net.balance(id)).isEqualTo(900);
  }

  @Test
  void aForgedSignatureIsRefused() throws Exception {
    byte[] body = authorize("call-1");
    byte[] wrongKey = Network.key(99);
    assertUnauthenticated(
        post(signed(Network.PHONE_DEVICE, wrongKey, AUTHORIZE, now(), body), body));
  }

  @Test
  void aBodyChangedAfterSigningIsRefused() throws Exception {
    Map<String, String> headers = signed(authorize("call-1"));
    byte[] other = Messages.write(new Request.Authorize(1, id, Money.of(900, "EUR"), "call-1"));
    assertUnauthenticated(post(headers, other));
  }

  @Test
  void aRespelledSignatureIsRefused() throws Exception {
    // 43 base64url characters carry two spare bits; setting them decodes to the same 32 bytes
    byte[] body = authorize("call-1");
    Map<String, String> headers = signed(body);
    String sig = java.util.Objects.requireNonNull(headers.get(SignedHeaders.SIGNATURE));
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    int last = alphabet.indexOf(sig.charAt(42));
    headers.put(SignedHeaders.SIGNATURE, sig.substring(0, 42) + alphabet.charAt(last ^ 1));
    assertUnauthenticated(post(headers, body));
  }

  @Test
  void aSignatureForAnotherPathIsRefused() throws Exception {
    byte[] body = authorize("call-1");
    Map<String, String> headers =
        signed(Network.PHONE_DEVICE, Network.key(Network.PHONE_DEVICE), "/v1/query", now(), body);
    assertUnauthenticated(post(headers, body));
  }

  @Test
  void aReplayedRequestIsRefusedAndChargedOnce() throws Exception {
    byte[] body = authorize("call-1");
    Map<String, String> headers = signed(body);
    assertThat(post(headers, body).statusCode()).isEqualTo(200);
    HttpResponse<String> again = post(headers, body);
    assertThat(again.statusCode()).isEqualTo(401);
    assertThat(net.balance(id)).isEqualTo(900);
  }

  @Test
  void anExpiredOrFutureTimestampIsRefused() throws Exception {
    byte[] body = authorize("call-1");
    byte[] key = Network.key(Network.PHONE_DEVICE);
    long skew = Duration.ofSeconds(31).toMillis();
    assertUnauthenticated(
        post(signed(Network.PHONE_DEVICE, key, AUTHORIZE, now() - skew, body), body));
    assertUnauthenticated(
        post(signed(Network.PHONE_DEVICE, key, AUTHORIZE, now() + skew, body), body));
    // signed in time, delivered late
    Map<String, String> late = signed(body);
    net.clock.advance(Duration.ofSeconds(31));
    assertUnauthenticated(post(late, body));
  }

  @Test
  void anUnknownPartyIsRefused() throws Exception {
    byte[] body = authorize("call-1");
    Party stranger = Party.authenticator("stranger", "phone");
    assertUnauthenticated(
        post(signed(stranger, Network.key(stranger), AUTHORIZE, now(), body), body));
  }

  @Test
  void malformedOrMissingHeadersAreRefused() throws Exception {
    byte[] body = authorize("call-1");
    for (String header :
        new String[] {
          SignedHeaders.PARTY, SignedHeaders.TIMESTAMP, SignedHeaders.NONCE, SignedHeaders.SIGNATURE
        }) {
      Map<String, String> missing = signed(body);
      missing.remove(header);
      assertUnauthenticated(post(missing, body));
      Map<String, String> garbled = signed(body);
      garbled.put(header, "x!" + garbled.get(header));
      assertUnauthenticated(post(garbled, body));
    }
    assertUnauthenticated(post(Map.of(), body));
  }

  @Test
  void aMalformedBodyIsA400ThatNamesTheFieldAndNeverTheId() throws Exception {
    byte[] missingAmount =
        ("{\"v\":1,\"id\":\"" + id.digits() + "\",\"reference\":\"r-1\"}")
            .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> r = post(signed(missingAmount), missingAmount);
    assertProblem(r, 400);
    assertThat(r.body()).contains("amount");

    byte[] notJson = ("{\"v\":1,\"id\":" + id.digits() + "x").getBytes(StandardCharsets.UTF_8);
    assertProblem(post(signed(notJson), notJson), 400);

    byte[] badVersion =
        ("{\"v\":2,\"id\":\""
                + id.digits()
                + "\",\"amount\":{\"minor\":1,\"currency\":\"EUR\"},"
                + "\"reference\":\"r\"}")
            .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> v2 = post(signed(badVersion), badVersion);
    assertProblem(v2, 400);
    assertThat(v2.body()).contains("v must be 1");
  }

  @Test
  void unknownFieldsAreIgnored() throws Exception {
    byte[] body =
        ("{\"v\":1,\"id\":\""
                + id.digits()
                + "\",\"amount\":{\"minor\":100,\"currency\":\"EUR\"},"
                + "\"reference\":\"r-1\",\"comesLater\":{\"x\":[1,2]}}")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(post(signed(body), body).statusCode()).isEqualTo(200);
    assertThat(net.balance(id)).isEqualTo(900);
  }

  @Test
  void anOversizedBodyIsA413() throws Exception {
    byte[] body = new byte[5000];
    java.util.Arrays.fill(body, (byte) ' ');
    assertProblem(post(signed(body), body), 413);
  }

  @Test
  void otherMethodsAndPathsAreRefused() throws Exception {
    byte[] body = authorize("call-1");
    assertProblem(send("PUT", AUTHORIZE, signed(body), body), 405);
    assertProblem(send("POST", "/v1/nothing", signed(body), body), 404);
  }

  @Test
  void aTerminalMayNotAuthorize() throws Exception {
    byte[] body = authorize("call-1");
    Map<String, String> asTill =
        signed(Network.TILL, Network.key(Network.TILL), AUTHORIZE, now(), body);
    assertProblem(post(asTill, body), 403);
  }
}

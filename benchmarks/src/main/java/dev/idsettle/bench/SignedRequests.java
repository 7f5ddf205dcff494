package dev.idsettle.bench;

import dev.idsettle.http.RequestSigner;
import dev.idsettle.http.message.Messages;
import dev.idsettle.http.message.Operation;
import dev.idsettle.http.message.Request;
import dev.idsettle.id.IdNumber;
import dev.idsettle.money.Money;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Authorization requests as raw HTTP/1.1 bytes, signed through http's {@link RequestSigner} (the
 * code path {@code HttpTransport} signs with), for load generators that write the wire themselves.
 */
final class SignedRequests {
  private final RequestSigner signer;
  private final String host;

  SignedRequests(RequestSigner signer, int port) {
    this.signer = signer;
    this.host = "127.0.0.1:" + port;
  }

  /** A POST to {@code /v1/authorize} of one cent on {@code id}, keep-alive. */
  byte[] authorize(IdNumber id, String reference, long timestamp, String nonce) {
    byte[] body = Messages.write(new Request.Authorize(1, id, Money.of(1, Fixture.EUR), reference));
    String path = Operation.AUTHORIZE.path();
    StringBuilder head = new StringBuilder(320);
    head.append("POST ").append(path).append(" HTTP/1.1\r\nHost: ").append(host);
    head.append("\r\nContent-Type: application/json\r\nContent-Length: ").append(body.length);
    for (Map.Entry<String, String> h : signer.headers(path, timestamp, nonce, body).entrySet()) {
      head.append("\r\n").append(h.getKey()).append(": ").append(h.getValue());
    }
    byte[] h = head.append("\r\n\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    byte[] request = Arrays.copyOf(h, h.length + body.length);
    System.arraycopy(body, 0, request, h.length, body.length);
    return request;
  }
}

package dev.idsettle.http;

/**
 * A reply as it comes back: 200 with a JSON {@link dev.idsettle.http.message.Answer}, or an error
 * status with an RFC 9457 problem ({@code application/problem+json}).
 *
 * @param status the HTTP status
 * @param body the JSON body
 */
@SuppressWarnings("ArrayRecordComponent")
public record Reply(int status, byte[] body) {
  /** Keeps the body as given (replies are passed on, not shared). */
  public Reply {
    if (body == null) {
      throw new IllegalArgumentException("body must not be null");
    }
  }
}

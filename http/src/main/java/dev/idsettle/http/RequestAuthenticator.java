package dev.idsettle.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.idsettle.http.internal.AuthenticationException;
import dev.idsettle.http.internal.Hmac;
import dev.idsettle.http.internal.SignedHeaders;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decides who sent a request: a registered party whose key signed it, within the allowed clock
 * skew, with a nonce not seen before. Nonces are remembered for twice the skew (as long as their
 * timestamp could still pass), in a bounded cache; only a request whose signature is right reaches
 * the cache, so a stranger cannot flush it. Thread-safe.
 */
final class RequestAuthenticator {
  private final Parties parties;
  private final Clock clock;
  private final long skewMillis;
  private final Cache<String, Boolean> nonces;

  RequestAuthenticator(Parties parties, Clock clock, Duration skew, long nonceCacheSize) {
    this.parties = parties;
    this.clock = clock;
    this.skewMillis = skew.toMillis();
    this.nonces =
        Caffeine.newBuilder()
            .maximumSize(nonceCacheSize)
            .expireAfterWrite(skew.multipliedBy(2))
            .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
            .build();
  }

  /**
   * The party that sent the request.
   *
   * @throws AuthenticationException if it is none (for the server's log only)
   */
  Party authenticate(String method, String path, SignedHeaders h, byte[] body) {
    SecretKeySpec key =
        parties.key(h.party()).orElseThrow(() -> new AuthenticationException("unknown party"));
    if (Math.abs(clock.millis() - h.timestamp()) > skewMillis) {
      throw new AuthenticationException("timestamp outside the allowed skew");
    }
    byte[] expected = Hmac.sign(key, method, path, h.party(), h.timestamp(), h.nonce(), body);
    if (!Hmac.same(expected, h.signature())) {
      throw new AuthenticationException("wrong signature");
    }
    if (nonces.asMap().putIfAbsent(h.party() + ' ' + h.nonce(), Boolean.TRUE) != null) {
      throw new AuthenticationException("replayed nonce");
    }
    return parties.party(h.party()).orElseThrow();
  }
}

package dev.idsettle.http.remote;

import dev.idsettle.http.Reply;
import dev.idsettle.http.RequestNotSentException;
import dev.idsettle.http.Transport;
import dev.idsettle.http.message.Operation;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A transport that loses what a test tells it to: a request before it reaches the manager, or the
 * answer after the manager applied it.
 */
final class FlakyTransport implements Transport {
  private final Transport inner;
  final Set<Operation> dropRequests = ConcurrentHashMap.newKeySet();
  final Set<Operation> dropAnswers = ConcurrentHashMap.newKeySet();
  volatile boolean down;

  FlakyTransport(Transport inner) {
    this.inner = inner;
  }

  @Override
  public String partyName() {
    return inner.partyName();
  }

  @Override
  public Reply exchange(Operation operation, byte[] body) throws IOException {
    if (down) {
      throw new RequestNotSentException("the manager is unreachable", new IOException("down"));
    }
    if (dropRequests.contains(operation)) {
      throw new IOException("request lost");
    }
    Reply reply = inner.exchange(operation, body);
    if (dropAnswers.contains(operation)) {
      throw new IOException("answer lost");
    }
    return reply;
  }

  @Override
  public void close() {
    inner.close();
  }
}

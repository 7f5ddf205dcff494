package dev.idsettle.node;

import dev.idsettle.http.Endpoint;
import dev.idsettle.http.Party;
import dev.idsettle.http.Reply;
import dev.idsettle.http.message.Answer;
import dev.idsettle.http.message.MalformedMessageException;
import dev.idsettle.http.message.Messages;
import dev.idsettle.http.message.Operation;
import java.util.Locale;

/** Times each request and reads its outcome off the answer, for a {@link NodeObserver}. */
final class ObservedEndpoint implements Endpoint {
  private final Endpoint delegate;
  private final NodeObserver observer;

  private ObservedEndpoint(Endpoint delegate, NodeObserver observer) {
    this.delegate = delegate;
    this.observer = observer;
  }

  /** {@code delegate} observed by {@code observer}; itself if nobody observes. */
  static Endpoint wrap(Endpoint delegate, NodeObserver observer) {
    return observer == NodeObserver.NONE ? delegate : new ObservedEndpoint(delegate, observer);
  }

  @Override
  public Reply handle(Party caller, Operation operation, byte[] body) {
    long start = System.nanoTime();
    Reply reply = delegate.handle(caller, operation, body);
    long nanos = System.nanoTime() - start;
    if (reply.status() != 200) {
      observer.request(operation, "problem", Integer.toString(reply.status()), nanos);
      return reply;
    }
    Answer answer;
    try {
      answer = Messages.read(reply.body(), Answer.class);
    } catch (MalformedMessageException e) {
      observer.request(operation, "unreadable", "none", nanos);
      return reply;
    }
    observer.request(operation, outcome(answer), reason(answer), nanos);
    return reply;
  }

  static String outcome(Answer answer) {
    String simple = answer.getClass().getSimpleName();
    StringBuilder kebab = new StringBuilder();
    for (int i = 0; i < simple.length(); i++) {
      char c = simple.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        kebab.append('-');
      }
      kebab.append(Character.toLowerCase(c));
    }
    return kebab.toString().toLowerCase(Locale.ROOT);
  }

  static String reason(Answer answer) {
    return answer instanceof Answer.Denied d ? d.reason().name() : "none";
  }
}

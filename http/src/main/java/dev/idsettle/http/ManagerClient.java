package dev.idsettle.http;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.http.message.Answer;
import dev.idsettle.http.message.MalformedMessageException;
import dev.idsettle.http.message.Messages;
import dev.idsettle.http.message.Operation;
import dev.idsettle.http.message.Request;
import dev.idsettle.id.IdNumber;
import dev.idsettle.money.Money;
import dev.idsettle.roles.ActivationResult;
import dev.idsettle.roles.BlockResult;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.ServiceSelector;
import dev.idsettle.roles.SettlementAuthenticator;
import dev.idsettle.roles.SettlementTerminal;
import dev.idsettle.roles.SubIdResult;
import dev.idsettle.roles.ValidityResult;
import java.io.IOException;
import java.util.function.Function;

/**
 * The settlement manager as one party sees it across a {@link Transport}: the roles' own interfaces
 * and results, so code written against a local {@link SettlementTerminal} runs against a remote
 * one. The party is the transport's; nothing here names it to the server.
 *
 * <p>What the wire adds: a reply that does not arrive (timeout, dropped connection, a server error
 * or an answer that cannot be read) is {@link dev.idsettle.roles.Unknown}, never a refusal: retry
 * with the same reference to learn the outcome. A request that certainly did not leave is {@link
 * dev.idsettle.roles.Unavailable}. A request the server refuses to read is an {@link
 * InvalidRequestException} (400) or a {@link RefusedRequestException} (401, 403, 404, 413), as a
 * local role throws for a bad argument; nothing was changed. Thread-safe.
 */
public final class ManagerClient {
  private static final int V = Messages.VERSION;
  private final Transport transport;

  private ManagerClient(Transport transport) {
    this.transport = transport;
  }

  /** The manager reached through {@code transport}. */
  public static ManagerClient over(Transport transport) {
    if (transport == null) {
      throw new InvalidRequestException("transport must not be null");
    }
    return new ManagerClient(transport);
  }

  /** The settlement terminal this party is (its id is the party's name). */
  public SettlementTerminal terminal() {
    return new RemoteTerminal(this, transport.partyName());
  }

  /**
   * The authentication device of {@code service}, which this party is. The requesting terminal of
   * each {@link dev.idsettle.roles.AuthorizationRequest} is not sent: the server uses the party.
   */
  public SettlementAuthenticator authenticator(Service service) {
    if (service == null) {
      throw new InvalidRequestException("service must not be null");
    }
    return new RemoteAuthenticator(this, service);
  }

  /** The service selection device (claim 5), for a terminal party. */
  public ServiceSelector selector() {
    return new RemoteSelector(this);
  }

  /** A routed activation (claim 2): all of {@code amount} usable at {@code service} only. */
  public ActivationResult activate(IdNumber id, Money amount, String service, String reference) {
    return call(new Request.Activate(V, id, amount, reference, service), Results::activation);
  }

  /** Is {@code id} validated, and what can this authenticator's service spend (claim 3)? */
  public ValidityResult query(IdNumber id) {
    return call(new Request.Query(V, id), Results::validity);
  }

  /** The sub-ID of {@code id} for this authenticator's service (claim 4). */
  public SubIdResult subId(IdNumber id) {
    return call(new Request.SubId(V, id), Results::subId);
  }

  /** Revokes a sub-ID of this authenticator's service. */
  public BlockResult revokeSubId(IdNumber subId) {
    return call(new Request.RevokeSubId(V, subId), Results::block);
  }

  /** Blocks a lost or stolen ID and its envelopes (a terminal party). */
  public BlockResult block(IdNumber id) {
    return call(new Request.Block(V, id), Results::block);
  }

  /** Sends {@code request} and maps its answer with {@code map}. */
  <R> R call(Request request, Function<Answer, R> map) {
    Operation operation = Operation.of(request);
    Reply reply;
    try {
      reply = transport.exchange(operation, Messages.write(request));
    } catch (RequestNotSentException e) {
      return map.apply(new Answer.Unavailable(V, "the request was not sent: " + e.getMessage()));
    } catch (IOException e) {
      return map.apply(new Answer.Unknown(V, "no answer arrived: " + e.getClass().getSimpleName()));
    }
    return map.apply(answer(reply));
  }

  private static Answer answer(Reply reply) {
    int status = reply.status();
    if (status == 200) {
      try {
        return Messages.read(reply.body(), Answer.class);
      } catch (MalformedMessageException e) {
        return new Answer.Unknown(V, "the answer could not be read: " + e.getMessage());
      }
    }
    String detail = detail(reply);
    if (status == 503) {
      return new Answer.Unavailable(V, "the manager is unavailable: " + detail);
    }
    if (status >= 500 || status < 400) {
      return new Answer.Unknown(V, "the manager answered " + status + ": " + detail);
    }
    if (status == 400) {
      throw new InvalidRequestException(detail);
    }
    throw new RefusedRequestException(status, "refused (" + status + "): " + detail);
  }

  private static String detail(Reply reply) {
    try {
      return Messages.read(reply.body(), Problem.class).detail();
    } catch (MalformedMessageException e) {
      return "no readable problem";
    }
  }
}

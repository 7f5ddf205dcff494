package dev.idsettle.node;

import dev.idsettle.http.Endpoint;
import dev.idsettle.http.ManagerEndpoint;
import dev.idsettle.http.Party;
import dev.idsettle.http.PartyKind;
import dev.idsettle.http.Problem;
import dev.idsettle.http.Reply;
import dev.idsettle.http.RequestNotSentException;
import dev.idsettle.http.Transport;
import dev.idsettle.http.message.Answer;
import dev.idsettle.http.message.Messages;
import dev.idsettle.http.message.Operation;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

/**
 * The front of an authenticator or a terminal node: its own clients' requests (already
 * authenticated as its clients) are made at the manager by this node, as itself, over its {@link
 * Transport}: the manager acts for this node's party, never for a name in the body. The manager's
 * answer is passed back as it is. What the wire loses is said the way {@code ManagerClient} says
 * it: no reply is an {@code unknown} answer (retry with the same reference), a request that
 * certainly did not leave is {@code unavailable}. A refusal of this node by the manager (401, 403)
 * is a 502 to the client: it is this node's configuration, not the client's request, that is wrong.
 */
final class RelayEndpoint implements Endpoint {
  // a node's own transfers are its own business: never relayed for a client
  private static final Set<Operation> TRANSFERS =
      EnumSet.of(Operation.RESERVE, Operation.CONFIRM, Operation.CANCEL, Operation.REPAY);

  private final Transport manager;
  private final Set<Operation> allowed;

  RelayEndpoint(Transport manager, Role role) {
    this.manager = manager;
    Set<Operation> ops =
        EnumSet.copyOf(
            ManagerEndpoint.allowed(
                role == Role.TERMINAL ? PartyKind.TERMINAL : PartyKind.AUTHENTICATOR));
    ops.removeAll(TRANSFERS);
    this.allowed = ops;
  }

  @Override
  public Reply handle(Party caller, Operation operation, byte[] body) {
    if (!allowed.contains(operation)) {
      return Problem.forbidden("this node does not relay " + operation.path()).reply();
    }
    Reply reply;
    try {
      reply = manager.exchange(operation, body);
    } catch (RequestNotSentException e) {
      return answer(new Answer.Unavailable(Messages.VERSION, "the manager could not be reached"));
    } catch (IOException e) {
      return answer(
          new Answer.Unknown(
              Messages.VERSION, "no answer from the manager: retry with the same reference"));
    }
    if (reply.status() == 401 || reply.status() == 403) {
      return new Problem(
              "urn:idsettle:problem:bad-gateway",
              "Bad gateway",
              502,
              "the manager refused this node (" + reply.status() + "): nothing was done")
          .reply();
    }
    return reply;
  }

  private static Reply answer(Answer answer) {
    return new Reply(200, Messages.write(answer));
  }
}

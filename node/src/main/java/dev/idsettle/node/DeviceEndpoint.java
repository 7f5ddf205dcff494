package dev.idsettle.node;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.http.Endpoint;
import dev.idsettle.http.Party;
import dev.idsettle.http.Problem;
import dev.idsettle.http.Reply;
import dev.idsettle.http.Results;
import dev.idsettle.http.message.Answer;
import dev.idsettle.http.message.Messages;
import dev.idsettle.http.message.Operation;
import dev.idsettle.http.message.Request;
import dev.idsettle.http.remote.LocalAuthenticator;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.AuthorizationResult;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front of an authenticator node with a store of its own (see {@code docs/REMOTE.md}): its
 * clients' requests are served by its {@link LocalAuthenticator}, also while the manager is
 * unreachable, except the two that only the manager can answer (a validity query and a sub-ID),
 * which are relayed. The requests it serves:
 *
 * <ul>
 *   <li>{@code /v1/authorize} and {@code /v1/authorize-all}: local debits, the client party being
 *       the requesting terminal (its guessing budget is its own);
 *   <li>{@code /v1/activate} (no service, or this node's): a <em>load</em>, the ID's value at the
 *       manager made spendable here;
 *   <li>{@code /v1/reverse}: the load reversed, all the unspent value of the ID here given back to
 *       the ID at the manager;
 *   <li>{@code /v1/revoke-sub-id}: revoked at the manager, then served here no more.
 * </ul>
 *
 * A client's reference is its own: the node prefixes it with the client's party name, so two
 * clients' loads with one reference are two transfers.
 */
final class DeviceEndpoint implements Endpoint {
  private static final Logger LOG = LoggerFactory.getLogger(DeviceEndpoint.class);

  private final LocalAuthenticator device;
  private final Endpoint relay;

  DeviceEndpoint(LocalAuthenticator device, Endpoint relay) {
    this.device = device;
    this.relay = relay;
  }

  @Override
  public Reply handle(Party caller, Operation operation, byte[] body) {
    if (operation == Operation.QUERY || operation == Operation.SUB_ID) {
      return relay.handle(caller, operation, body);
    }
    if (!served(operation)) {
      return Problem.forbidden("this node does not serve " + operation.path()).reply();
    }
    try {
      Request request = Messages.read(body, operation.requestType());
      return new Reply(200, Messages.write(answer(caller, request)));
    } catch (InvalidRequestException e) {
      return Problem.malformed(String.valueOf(e.getMessage())).reply();
    } catch (RuntimeException e) {
      LOG.error("{} from {} failed with {}", operation, caller.name(), e.getClass().getName(), e);
      return Problem.internal().reply();
    }
  }

  private static boolean served(Operation operation) {
    return switch (operation) {
      case AUTHORIZE, AUTHORIZE_ALL, ACTIVATE, REVERSE, REVOKE_SUB_ID -> true;
      default -> false;
    };
  }

  private Answer answer(Party caller, Request request) {
    String service = device.service().name();
    if (request instanceof Request.Authorize r) {
      return Results.answer(device.authorize(authorization(caller, r)));
    } else if (request instanceof Request.AuthorizeAll r) {
      List<AuthorizationRequest> requests = new ArrayList<>(r.requests().size());
      for (Request.Authorize a : r.requests()) {
        requests.add(authorization(caller, a));
      }
      List<Answer> answers = new ArrayList<>(requests.size());
      for (AuthorizationResult result : device.authorizeAll(requests)) {
        answers.add(Results.answer(result));
      }
      return new Answer.Each(Messages.VERSION, answers);
    } else if (request instanceof Request.Activate r) {
      if (r.service() != null && !r.service().equals(service)) {
        throw new InvalidRequestException(
            "service: this node loads value for " + service + " only");
      }
      return Results.answer(device.load(r.id(), r.amount(), reference(caller, r.reference())));
    } else if (request instanceof Request.Reverse r) {
      return Results.answer(device.giveBack(r.id(), reference(caller, r.reference())));
    } else if (request instanceof Request.RevokeSubId r) {
      return Results.answer(device.revokeSubId(r.subId()));
    }
    throw new IllegalStateException("no answer for " + request.getClass().getSimpleName());
  }

  private static AuthorizationRequest authorization(Party caller, Request.Authorize r) {
    return new AuthorizationRequest(r.id(), r.amount(), caller.name(), r.reference());
  }

  private static String reference(Party caller, String reference) {
    String mine = caller.name() + "/" + reference;
    if (mine.length() > AuthorizationRequest.MAX_REFERENCE) {
      throw new InvalidRequestException(
          "reference: with the client's name it must have at most "
              + AuthorizationRequest.MAX_REFERENCE
              + " characters");
    }
    return mine;
  }
}

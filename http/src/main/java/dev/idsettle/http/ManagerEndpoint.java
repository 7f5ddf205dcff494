package dev.idsettle.http;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.http.message.Answer;
import dev.idsettle.http.message.Messages;
import dev.idsettle.http.message.Operation;
import dev.idsettle.http.message.Request;
import dev.idsettle.http.remote.ManagerTransfers;
import dev.idsettle.http.remote.Transfers;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.AuthorizationResult;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.SettlementAuthenticator;
import dev.idsettle.roles.SettlementManager;
import dev.idsettle.roles.SettlementTerminal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The manager's side of every transport: reads a request, checks that the authenticated party may
 * make it, calls that party's role handle and writes the answer. One role handle per party, made on
 * its first request and kept: a terminal party is {@link IdSettle#terminal} of its name; an
 * authenticator party is {@link SettlementManager#authenticator} of its service, with the party's
 * name as the requesting terminal. Logs name the party and the operation, never a body.
 * Thread-safe.
 */
public final class ManagerEndpoint implements Endpoint {
  private static final Logger LOG = LoggerFactory.getLogger(ManagerEndpoint.class);
  private static final Set<Operation> TERMINAL_OPS =
      Set.of(
          Operation.ACTIVATE,
          Operation.REVERSE,
          Operation.SELECT,
          Operation.GIVE_BACK,
          Operation.MOVE,
          Operation.BALANCES,
          Operation.BLOCK);
  private static final Set<Operation> AUTHENTICATOR_OPS =
      Set.of(
          Operation.AUTHORIZE,
          Operation.AUTHORIZE_ALL,
          Operation.QUERY,
          Operation.SUB_ID,
          Operation.REVOKE_SUB_ID,
          Operation.RESERVE,
          Operation.CONFIRM,
          Operation.CANCEL,
          Operation.REPAY);

  private final IdSettle settle;
  private final SettlementManager manager;
  private final Transfers transfers;
  private final ConcurrentHashMap<String, SettlementTerminal> terminals = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, SettlementAuthenticator> authenticators =
      new ConcurrentHashMap<>();

  private ManagerEndpoint(IdSettle settle, SettlementManager manager, Transfers transfers) {
    this.settle = settle;
    this.manager = manager;
    this.transfers = transfers;
  }

  /**
   * The endpoint of {@code manager}, a manager over {@code settle}; transfers to authenticators
   * with stores of their own are {@link ManagerTransfers} with the default hold timeout.
   */
  public static ManagerEndpoint of(IdSettle settle, SettlementManager manager) {
    if (settle == null || manager == null) {
      throw new InvalidRequestException("settle and manager must not be null");
    }
    return of(
        settle,
        manager,
        ManagerTransfers.over(settle, manager, ManagerTransfers.DEFAULT_HOLD_TIMEOUT));
  }

  /**
   * The endpoint of {@code manager}, a manager over {@code settle}, whose transfers to
   * authenticators with stores of their own are {@code transfers} (see {@code docs/REMOTE.md}).
   */
  public static ManagerEndpoint of(
      IdSettle settle, SettlementManager manager, Transfers transfers) {
    if (settle == null || manager == null || transfers == null) {
      throw new InvalidRequestException("settle, manager and transfers must not be null");
    }
    return new ManagerEndpoint(settle, manager, transfers);
  }

  /**
   * Answers {@code body}, a request of {@code operation} from the authenticated {@code caller}: 200
   * with an answer, or a problem (403 if the party may not ask it, 400 if it cannot be read or a
   * role refuses it as invalid; both change nothing).
   */
  @Override
  public Reply handle(Party caller, Operation operation, byte[] body) {
    if (!allowed(caller.kind()).contains(operation)) {
      return Problem.forbidden(
              "a " + caller.kind().name().toLowerCase(java.util.Locale.ROOT) + " may not ask this")
          .reply();
    }
    try {
      Request request = Messages.read(body, operation.requestType());
      return new Reply(200, Messages.write(answer(caller, request)));
    } catch (InvalidRequestException e) {
      return Problem.malformed(String.valueOf(e.getMessage())).reply();
    } catch (RuntimeException e) {
      // the message of an unexpected failure is not ours to vouch for: log its type only
      LOG.error("{} from {} failed with {}", operation, caller.name(), e.getClass().getName(), e);
      return Problem.internal().reply();
    }
  }

  /**
   * The operations a party of {@code kind} may ask a manager (the one list: a node that relays its
   * clients' requests takes its own from it).
   */
  public static Set<Operation> allowed(PartyKind kind) {
    if (kind == null) {
      throw new InvalidRequestException("kind must not be null");
    }
    return switch (kind) {
      case TERMINAL -> TERMINAL_OPS;
      case AUTHENTICATOR -> AUTHENTICATOR_OPS;
      case MANAGER -> Set.of();
    };
  }

  private Answer answer(Party caller, Request request) {
    String me = caller.name();
    if (request instanceof Request.Activate r) {
      String service = r.service();
      return Results.answer(
          service == null
              ? terminal(me).activate(r.id(), r.amount(), r.reference())
              : manager.activate(me, r.id(), r.amount(), service, r.reference()));
    } else if (request instanceof Request.Reverse r) {
      return Results.answer(terminal(me).reverse(r.id(), r.reference()));
    } else if (request instanceof Request.Authorize r) {
      return Results.answer(authenticator(caller).authorize(authorization(me, r)));
    } else if (request instanceof Request.AuthorizeAll r) {
      return authorizeAll(caller, r);
    } else if (request instanceof Request.Query r) {
      return Results.answer(manager.query(r.id(), service(caller), me));
    } else if (request instanceof Request.SubId r) {
      return Results.answer(manager.subId(r.id(), service(caller), me));
    } else if (request instanceof Request.RevokeSubId r) {
      return Results.answer(manager.revokeSubId(r.subId(), service(caller)));
    } else if (request instanceof Request.Select r) {
      return Results.answer(manager.selector().select(r.id(), r.amounts(), r.reference()));
    } else if (request instanceof Request.GiveBack r) {
      return Results.answer(
          manager.selector().giveBack(r.id(), r.service(), r.amount(), r.reference()));
    } else if (request instanceof Request.Move r) {
      return Results.answer(
          manager.selector().move(r.id(), r.from(), r.to(), r.amount(), r.reference()));
    } else if (request instanceof Request.Balances r) {
      return Results.answer(manager.selector().balances(r.id()));
    } else if (request instanceof Request.Block r) {
      return Results.answer(manager.block(r.id()));
    } else if (request instanceof Request.Reserve r) {
      return transfers.reserve(caller, r);
    } else if (request instanceof Request.Confirm r) {
      return transfers.confirm(caller, r);
    } else if (request instanceof Request.Cancel r) {
      return transfers.cancel(caller, r);
    } else if (request instanceof Request.Repay r) {
      return transfers.repay(caller, r);
    }
    throw new IllegalStateException("no role answers " + request.getClass().getSimpleName());
  }

  private Answer authorizeAll(Party caller, Request.AuthorizeAll r) {
    List<AuthorizationRequest> requests = new ArrayList<>(r.requests().size());
    for (Request.Authorize a : r.requests()) {
      requests.add(authorization(caller.name(), a));
    }
    List<Answer> answers = new ArrayList<>(requests.size());
    for (AuthorizationResult result : authenticator(caller).authorizeAll(requests)) {
      answers.add(Results.answer(result));
    }
    return new Answer.Each(Messages.VERSION, answers);
  }

  private static AuthorizationRequest authorization(String party, Request.Authorize r) {
    return new AuthorizationRequest(r.id(), r.amount(), party, r.reference());
  }

  private SettlementTerminal terminal(String name) {
    return terminals.computeIfAbsent(name, settle::terminal);
  }

  private SettlementAuthenticator authenticator(Party caller) {
    return authenticators.computeIfAbsent(
        caller.name(), n -> manager.authenticator(service(caller)));
  }

  private static String service(Party caller) {
    String service = caller.service();
    if (service == null) {
      throw new IllegalStateException("party " + caller.name() + " has no service");
    }
    return service;
  }
}

package dev.idsettle.http.message;

import java.util.Optional;

/** The requests a manager answers, each at a path of its own, all by POST. */
public enum Operation {
  /** {@link Request.Activate}: a terminal activates an ID, routed to a service or not. */
  ACTIVATE("/v1/activate", Request.Activate.class),
  /** {@link Request.Reverse}: a terminal reverses an activation. */
  REVERSE("/v1/reverse", Request.Reverse.class),
  /** {@link Request.Authorize}: an authenticator authorizes a debit. */
  AUTHORIZE("/v1/authorize", Request.Authorize.class),
  /** {@link Request.AuthorizeAll}: an authenticator authorizes many debits at once. */
  AUTHORIZE_ALL("/v1/authorize-all", Request.AuthorizeAll.class),
  /** {@link Request.Query}: an authenticator's validity query. */
  QUERY("/v1/query", Request.Query.class),
  /** {@link Request.SubId}: an authenticator asks for a sub-ID. */
  SUB_ID("/v1/sub-id", Request.SubId.class),
  /** {@link Request.RevokeSubId}: an authenticator revokes a sub-ID. */
  REVOKE_SUB_ID("/v1/revoke-sub-id", Request.RevokeSubId.class),
  /** {@link Request.Select}: a terminal's service selection. */
  SELECT("/v1/select", Request.Select.class),
  /** {@link Request.GiveBack}: a terminal gives an envelope back. */
  GIVE_BACK("/v1/give-back", Request.GiveBack.class),
  /** {@link Request.Move}: a terminal moves value between envelopes. */
  MOVE("/v1/move", Request.Move.class),
  /** {@link Request.Balances}: a terminal reads an ID's envelopes. */
  BALANCES("/v1/balances", Request.Balances.class),
  /** {@link Request.Block}: a terminal blocks a lost ID. */
  BLOCK("/v1/block", Request.Block.class),
  /** {@link Request.Reserve}: an authenticator reserves value of an ID (a pull's first phase). */
  RESERVE("/v1/transfer/reserve", Request.Reserve.class),
  /** {@link Request.Confirm}: an authenticator confirms a reserved transfer. */
  CONFIRM("/v1/transfer/confirm", Request.Confirm.class),
  /** {@link Request.Cancel}: an authenticator gives up a reserved transfer. */
  CANCEL("/v1/transfer/cancel", Request.Cancel.class),
  /** {@link Request.Repay}: an authenticator pays unspent value back to an ID. */
  REPAY("/v1/transfer/repay", Request.Repay.class);

  private final String path;
  private final Class<? extends Request> requestType;

  Operation(String path, Class<? extends Request> requestType) {
    this.path = path;
    this.requestType = requestType;
  }

  /** The path the request is posted to. */
  public String path() {
    return path;
  }

  /** The type of the request's body. */
  public Class<? extends Request> requestType() {
    return requestType;
  }

  /** The operation at {@code path}, if any. */
  public static Optional<Operation> atPath(String path) {
    for (Operation o : values()) {
      if (o.path.equals(path)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  /** The operation whose request is {@code request}. */
  public static Operation of(Request request) {
    for (Operation o : values()) {
      if (o.requestType.isInstance(request)) {
        return o;
      }
    }
    throw new IllegalStateException("no operation for " + request.getClass());
  }
}

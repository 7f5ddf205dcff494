package dev.idsettle.http.remote;

import dev.idsettle.http.Reply;
import dev.idsettle.http.Transport;
import dev.idsettle.http.message.Answer;
import dev.idsettle.http.message.MalformedMessageException;
import dev.idsettle.http.message.Messages;
import dev.idsettle.http.message.Operation;
import dev.idsettle.http.message.Request;
import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.money.Money;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * The authenticator's side of the transfer messages. Only an answer that arrived, could be read and
 * names the transfer asked about counts; anything else (no answer, an error status, a 401 for a
 * duplicate the server had seen) is null: "nothing learned", and the caller asks again later. The
 * authenticator decides nothing on a failure.
 */
final class ManagerLink {
  private static final int V = Messages.VERSION;
  private final Transport transport;

  ManagerLink(Transport transport) {
    this.transport = transport;
  }

  @Nullable Answer reserve(TransferId transfer, IdNumber id, Money amount) {
    return call(new Request.Reserve(V, transfer, id, amount), transfer);
  }

  Answer.@Nullable TransferState confirm(TransferId transfer) {
    return state(call(new Request.Confirm(V, transfer), transfer));
  }

  Answer.@Nullable TransferState cancel(TransferId transfer) {
    return state(call(new Request.Cancel(V, transfer), transfer));
  }

  Answer.@Nullable TransferState repay(TransferId transfer, AccountId account, Money amount) {
    return state(call(new Request.Repay(V, transfer, account.value(), amount), transfer));
  }

  private static Answer.@Nullable TransferState state(@Nullable Answer answer) {
    return answer instanceof Answer.TransferState s ? s : null;
  }

  private @Nullable Answer call(Request request, TransferId transfer) {
    Reply reply;
    try {
      reply = transport.exchange(Operation.of(request), Messages.write(request));
    } catch (IOException e) {
      return null;
    }
    if (reply.status() != 200) {
      return null;
    }
    Answer answer;
    try {
      answer = Messages.read(reply.body(), Answer.class);
    } catch (MalformedMessageException e) {
      return null;
    }
    if (answer instanceof Answer.TransferState s && !s.transferId().equals(transfer)) {
      return null;
    }
    return answer;
  }
}

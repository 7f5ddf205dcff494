package dev.idsettle.http;

import dev.idsettle.http.message.Messages;
import dev.idsettle.http.message.Request;
import dev.idsettle.id.IdNumber;
import dev.idsettle.money.Money;
import dev.idsettle.roles.SelectionResult;
import dev.idsettle.roles.ServiceSelector;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The service selection device whose manager is across a transport. */
final class RemoteSelector implements ServiceSelector {
  private static final int V = Messages.VERSION;
  private final ManagerClient client;

  RemoteSelector(ManagerClient client) {
    this.client = client;
  }

  @Override
  public SelectionResult select(IdNumber id, Map<String, Money> amounts, String reference) {
    return client.call(new Request.Select(V, id, amounts, reference), Results::selection);
  }

  @Override
  public SelectionResult giveBack(
      IdNumber id, String service, @Nullable Money amount, String reference) {
    return client.call(new Request.GiveBack(V, id, service, amount, reference), Results::selection);
  }

  @Override
  public SelectionResult move(IdNumber id, String from, String to, Money amount, String reference) {
    return client.call(new Request.Move(V, id, from, to, amount, reference), Results::selection);
  }

  @Override
  public SelectionResult balances(IdNumber id) {
    return client.call(new Request.Balances(V, id), Results::selection);
  }
}

package dev.idsettle.http;

import dev.idsettle.http.message.Messages;
import dev.idsettle.http.message.Request;
import dev.idsettle.id.IdNumber;
import dev.idsettle.money.Money;
import dev.idsettle.roles.ActivationResult;
import dev.idsettle.roles.ReversalResult;
import dev.idsettle.roles.SettlementTerminal;

/** A settlement terminal whose manager is across a transport. */
final class RemoteTerminal implements SettlementTerminal {
  private final ManagerClient client;
  private final String terminalId;

  RemoteTerminal(ManagerClient client, String terminalId) {
    this.client = client;
    this.terminalId = terminalId;
  }

  @Override
  public String terminalId() {
    return terminalId;
  }

  @Override
  public ActivationResult activate(IdNumber id, Money amount, String reference) {
    return client.call(
        new Request.Activate(Messages.VERSION, id, amount, reference, null), Results::activation);
  }

  @Override
  public ReversalResult reverse(IdNumber id, String reference) {
    return client.call(new Request.Reverse(Messages.VERSION, id, reference), Results::reversal);
  }
}

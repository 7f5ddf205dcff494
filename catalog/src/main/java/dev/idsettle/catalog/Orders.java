package dev.idsettle.catalog;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKey;
import dev.idsettle.ledger.AccountKind;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.ledger.TransferKind;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * How a catalogue's orders live in the ledger. An order is an ID-kind account of its own, named
 * after the shop and the reference, that holds the price between the buyer's ID and the shop's
 * revenue; it is found by two keyed hashes: the order's (owner: the account that paid) and, for a
 * ticket, the code's (owner: the shop's revenue account the ticket pays when used). Every transfer
 * id is derived from the order, so each step happens at most once whoever retries it.
 */
final class Orders {
  static final String ORDER_TAG = "order:";
  static final String TICKET_ORDER_TAG = "ticket-order:";
  static final String TICKET_TAG = "ticket:";
  static final String CHECK_IN = "checkin:";

  private final String shop;
  private final SecretKeySpec key;
  private final Ledger ledger;

  Orders(String shop, byte[] key, Ledger ledger) {
    this.shop = shop;
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    this.ledger = ledger;
  }

  Ledger ledger() {
    return ledger;
  }

  AccountId account(String reference) {
    return AccountId.named("idsettle.catalog.order:" + shop + ":" + reference);
  }

  /** A new order account: empty, so its first credit activates it; a ticket's ends with it. */
  static Account newAccount(AccountId id, Currency currency, Item item) {
    return new Account(
        id,
        AccountKind.ID,
        currency,
        AccountState.EXHAUSTED,
        0,
        0,
        ExpiryPolicy.never(),
        item.validUntil(),
        null);
  }

  IdHash orderHash(String reference) {
    return IdHash.of(mac("order", shop, reference));
  }

  /** The ticket code of an order: a keyed function of the reference, so a retry gets it again. */
  TicketCode code(String reference) {
    byte[] bits = new byte[16];
    System.arraycopy(mac("ticket-code", shop, reference), 0, bits, 0, 16);
    return TicketCode.of(bits);
  }

  IdHash codeHash(TicketCode code) {
    return IdHash.of(mac("ticket", code.value()));
  }

  static TransferId step(String step, AccountId order, String... more) {
    String[] parts = new String[more.length + 1];
    parts[0] = order.toString();
    System.arraycopy(more, 0, parts, 1, more.length);
    return TransferId.derive("idsettle.catalog." + step, parts);
  }

  /** The order's key, if it was issued. */
  Optional<AccountKey> orderKey(String reference) {
    return key(orderHash(reference));
  }

  Optional<AccountKey> key(IdHash hash) {
    Map<IdHash, AccountKey> found = ledger.keys(List.of(hash));
    return Optional.ofNullable(found.get(hash));
  }

  /** The applied transfer with this id, if any. */
  Optional<Transfer> applied(TransferId id) {
    return ledger.transfer(id).filter(Transfer::applied);
  }

  /** Moves {@code amount} out of an order (or into the ID) and closes the order, linked. */
  static List<LedgerCommand> close(
      TransferId id, AccountId from, AccountId to, long amount, AccountId order, String code) {
    return List.of(
        new LedgerCommand.TransferCommand(
            id, TransferKind.POST, from, to, amount, null, null, trim(code)),
        new LedgerCommand.StateChange(
            order, Set.of(AccountState.EXHAUSTED), AccountState.VOIDED, true));
  }

  static LedgerCommand.TransferCommand post(
      TransferId id, AccountId from, AccountId to, long amount, String code) {
    return new LedgerCommand.TransferCommand(
        id, TransferKind.POST, from, to, amount, null, null, trim(code));
  }

  /** Submits one transfer; its result. */
  CommandResult submit(LedgerCommand.TransferCommand command) {
    return ledger.submit(LedgerBatch.create().add(command)).get(0);
  }

  /** Submits {@code commands} as one linked group; the first one's result (the group's fate). */
  CommandResult submitLinked(List<LedgerCommand> commands) {
    return ledger.submit(LedgerBatch.create().addLinked(commands)).get(0);
  }

  /** The check-in that used {@code order}, if any: the applied debit coded {@code checkin:}. */
  Optional<Transfer> checkIn(AccountId order) {
    for (int offset = 0; offset < 10_000; offset += 100) {
      List<Transfer> page = ledger.transfers(order, offset, 100);
      for (Transfer t : page) {
        if (t.applied() && t.debit().equals(order) && t.code().startsWith(CHECK_IN)) {
          return Optional.of(t);
        }
      }
      if (page.size() < 100) {
        break;
      }
    }
    return Optional.empty();
  }

  static String item(AccountKey key) {
    String tag = key.tag();
    return tag.substring(tag.indexOf(':') + 1);
  }

  static @Nullable AccountId owner(AccountKey key) {
    return key.owner();
  }

  private static String trim(String code) {
    return code.length() > 64 ? code.substring(0, 64) : code;
  }

  private byte[] mac(String... parts) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(key);
      for (String part : parts) {
        byte[] b = part.getBytes(StandardCharsets.UTF_8);
        m.update(new byte[] {(byte) (b.length >>> 24), (byte) (b.length >>> 16)});
        m.update(new byte[] {(byte) (b.length >>> 8), (byte) b.length});
        m.update(b);
      }
      return m.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }
}

package dev.idsettle.roles;

import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKey;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.money.Money;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks what a terminal read from slips against what was issued, with two store calls (the IDs'
 * accounts; the serials' and batches' keys), and remembers what it found for the sale.
 */
final class SlipCheck {
  private final IdSettle settle;
  private final SlipBatches batches;
  private final Map<SlipSerial, AccountId> accounts = new HashMap<>();
  private final Map<String, SlipBatches.Batch> found = new HashMap<>();

  SlipCheck(IdSettle settle, SlipBatches batches) {
    this.settle = settle;
    this.batches = batches;
  }

  /** The denial for selling {@code slips} for {@code paid}, or null if they may be sold. */
  @Nullable SlipDenial verify(List<PrintedSlip> slips, List<SlipSerial> serials, Money paid) {
    Set<String> prefixes = new LinkedHashSet<>();
    List<IdHash> hashes = new ArrayList<>();
    List<IdNumber> ids = new ArrayList<>(slips.size());
    for (int i = 0; i < slips.size(); i++) {
      prefixes.add(serials.get(i).prefix());
      hashes.add(batches.serialHash(serials.get(i)));
      ids.add(slips.get(i).id());
    }
    for (String prefix : prefixes) {
      hashes.addAll(batches.batchHashes(prefix));
    }
    Map<IdHash, AccountKey> keys = settle.ledger.keys(hashes);
    Map<IdNumber, AccountId> resolved = settle.resolve(ids);
    for (String prefix : prefixes) {
      SlipBatches.Batch batch = batches.batch(prefix, keys);
      if (batch != null) {
        found.put(prefix, batch);
      }
    }
    long total = 0;
    for (int i = 0; i < slips.size(); i++) {
      PrintedSlip printed = slips.get(i);
      SlipSerial serial = serials.get(i);
      AccountKey key = keys.get(hashes.get(i));
      AccountId account = resolved.get(printed.id());
      SlipBatches.Batch batch = found.get(serial.prefix());
      if (key == null || batch == null || account == null || !key.account().equals(account)) {
        return new SlipDenial(
            SlipDenialReason.PRINTED_DATA_MISMATCH,
            "ID " + printed.id() + " is not the slip with serial " + serial);
      }
      if (!printed.faceValue().equals(batch.faceValue())) {
        return new SlipDenial(
            SlipDenialReason.PRINTED_DATA_MISMATCH,
            "slip "
                + serial
                + " was read with face value "
                + printed.faceValue()
                + ", it was issued with "
                + batch.faceValue());
      }
      if (batch.state() != BatchState.DISTRIBUTED) {
        return new SlipDenial(
            SlipDenialReason.NOT_DISTRIBUTED,
            "batch " + batch.prefix() + " is " + batch.state() + ", not distributed yet");
      }
      accounts.put(serial, account);
      total += batch.faceValue().minor();
    }
    if (!paid.currency().equals(settle.currency) || paid.minor() != total) {
      return new SlipDenial(
          SlipDenialReason.PAID_NOT_FACE_VALUE,
          "paid "
              + paid
              + " for "
              + slips.size()
              + " slip(s) whose face values add up to "
              + Money.of(total, settle.currency));
    }
    return null;
  }

  /** The account of a verified slip. */
  AccountId account(SlipSerial serial) {
    return Objects.requireNonNull(accounts.get(serial));
  }

  /** The batch of a verified slip. */
  SlipBatches.Batch batch(SlipSerial serial) {
    return Objects.requireNonNull(found.get(serial.prefix()));
  }

  /** The denial for a sale the ledger refused, naming the first slip that explains it. */
  SlipDenial explain(Refusal refusal, List<SlipSerial> serials) {
    if (refusal == Refusal.ID_REUSED) {
      return new SlipDenial(
          SlipDenialReason.DUPLICATE_REFERENCE,
          "the reference was used before for other slips or another amount");
    }
    for (SlipSerial serial : serials) {
      Account a = settle.ledger.account(account(serial)).orElse(null);
      if (a == null || a.state() == AccountState.ISSUED) {
        continue;
      }
      AccountState state = a.effectiveState(settle.ledger.clock().instant());
      SlipDenialReason reason =
          switch (state) {
            case BLOCKED -> SlipDenialReason.LOCKED;
            case VOIDED -> SlipDenialReason.VOID;
            case ACTIVE, EXHAUSTED -> SlipDenialReason.ALREADY_ACTIVE;
            default -> SlipDenialReason.REFUSED;
          };
      return new SlipDenial(
          reason, "slip " + serial + " is " + state.name().toLowerCase(java.util.Locale.ROOT));
    }
    return new SlipDenial(SlipDenialReason.REFUSED, "the ledger refused the sale: " + refusal);
  }
}

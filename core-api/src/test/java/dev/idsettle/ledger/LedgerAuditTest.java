package dev.idsettle.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idsettle.InvalidConfigurationException;
import dev.idsettle.InvalidRequestException;
import dev.idsettle.audit.AuditFinding;
import dev.idsettle.audit.AuditReport;
import dev.idsettle.audit.FindingKind;
import dev.idsettle.audit.LedgerAudit;
import dev.idsettle.spi.ForwardingLedgerStore;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.spi.SealedJournal;
import dev.idsettle.spi.SealedJournal.SealedAccount;
import dev.idsettle.spi.SealedJournal.SealedTransfer;
import dev.idsettle.spi.Sealer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@link LedgerAudit}'s checks beyond the seals, on a journal written row by row as a sealing store
 * would write it (the stores' own tamper tests make their changes in SQL), and the edges of {@link
 * Description} and {@link Sealer}.
 */
class LedgerAuditTest {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final byte[] KEY =
      "0123456789abcdef0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

  private final Sealer sealer = Sealer.withKey(KEY);
  private final AccountId a = new AccountId(1);
  private final AccountId b = new AccountId(2);
  private final List<SealedTransfer> transfers = new ArrayList<>();
  private final List<SealedAccount> accounts = new ArrayList<>();
  private byte[] headA = Sealer.genesis();
  private byte[] headB = Sealer.genesis();

  /** Appends {@code t} sealed, chained as a store chains it. */
  private void write(Transfer t) {
    byte[] seal = sealer.seal(t, headA, headB);
    headA = seal;
    headB = seal;
    transfers.add(new SealedTransfer(transfers.size() + 1, t, seal));
  }

  private void account(AccountId id, long posted, long reserved, byte[] head) {
    Account image =
        new Account(
            id,
            AccountKind.OPERATOR,
            EUR,
            AccountState.OPEN,
            posted,
            reserved,
            ExpiryPolicy.never(),
            null,
            null);
    accounts.add(new SealedAccount(image, head, sealer.seal(image, head)));
  }

  private static Transfer transfer(
      TransferKind kind,
      long amount,
      TransferId id,
      @Nullable TransferId pending,
      HoldState state) {
    return new Transfer(
        id,
        new AccountId(1),
        new AccountId(2),
        amount,
        kind,
        pending,
        kind == TransferKind.HOLD ? NOW.plusSeconds(60) : null,
        state,
        null,
        "x",
        NOW);
  }

  private AuditReport audit() {
    SealedJournal journal =
        new SealedJournal() {
          @Override
          public List<SealedAccount> accounts(long afterId, int limit) {
            return accounts.stream().filter(x -> x.account().id().value() > afterId).toList();
          }

          @Override
          public List<SealedTransfer> transfers(long afterPosition, int limit) {
            return transfers.stream().filter(t -> t.position() > afterPosition).toList();
          }
        };
    LedgerStore store =
        new ForwardingLedgerStore() {
          @Override
          protected LedgerStore delegate() {
            return TestOnlyMapStore.create();
          }

          @Override
          public Optional<SealedJournal> sealedJournal() {
            return Optional.of(journal);
          }
        };
    return LedgerAudit.check(store, sealer);
  }

  @Test
  void holdCapturedAndSealedVerifiesClean() {
    TransferId hold = TransferId.random();
    write(transfer(TransferKind.HOLD, 10, hold, null, HoldState.CAPTURED));
    write(transfer(TransferKind.CAPTURE, 4, TransferId.random(), hold, HoldState.NONE));
    account(a, -4, 0, headA);
    account(b, 4, 0, headB);

    assertThat(audit().findings()).isEmpty();
  }

  @Test
  void reopenedHoldIsFound() {
    TransferId hold = TransferId.random();
    write(transfer(TransferKind.HOLD, 10, hold, null, HoldState.OPEN));
    write(transfer(TransferKind.CAPTURE, 4, TransferId.random(), hold, HoldState.NONE));
    account(a, -4, 0, headA);
    account(b, 4, 0, headB);

    assertThat(audit().tampering())
        .extracting(AuditFinding::kind, AuditFinding::transfer)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(FindingKind.HOLD_STATE_MISMATCH, hold));
  }

  @Test
  void reservedWithoutAnOpenHoldIsFound() {
    write(transfer(TransferKind.POST, 3, TransferId.random(), null, HoldState.NONE));
    account(a, -3, 7, headA);
    account(b, 3, 0, headB);

    assertThat(audit().tampering())
        .extracting(AuditFinding::kind, AuditFinding::account)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(FindingKind.RESERVED_MISMATCH, a));
  }

  @Test
  void deletedAccountRowAndRemovedAccountSealAreFound() {
    write(transfer(TransferKind.POST, 3, TransferId.random(), null, HoldState.NONE));
    Account image =
        new Account(
            b,
            AccountKind.OPERATOR,
            EUR,
            AccountState.OPEN,
            3,
            0,
            ExpiryPolicy.never(),
            null,
            null);
    accounts.add(new SealedAccount(image, null, null));

    assertThat(audit().tampering())
        .extracting(AuditFinding::kind, AuditFinding::account)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(FindingKind.ACCOUNT_UNSEALED, b),
            org.assertj.core.groups.Tuple.tuple(FindingKind.ACCOUNT_MISSING, a));
  }

  @Test
  void aStoreThatDoesNotSealSaysSo() {
    AuditReport report = LedgerAudit.check(TestOnlyMapStore.create(), sealer);

    assertThat(report.findings())
        .extracting(AuditFinding::kind)
        .containsExactly(FindingKind.STORE_DOES_NOT_SEAL);
    assertThat(report.clean()).isTrue();
  }

  @Test
  void aSealCoversEveryImmutableFieldAndTheDescription() {
    Transfer t = transfer(TransferKind.POST, 3, TransferId.random(), null, HoldState.NONE);
    byte[] seal = sealer.seal(t, headA, headB);
    Transfer described =
        new Transfer(
            t.id(),
            t.debit(),
            t.credit(),
            t.amount(),
            t.kind(),
            t.pendingId(),
            t.timeout(),
            t.holdState(),
            t.refusal(),
            t.code(),
            t.timestamp(),
            Description.of("sale.order", "{}"));

    assertThat(sealer.seal(t, headA, headB)).isEqualTo(seal);
    assertThat(sealer.seal(t.withHoldState(HoldState.CAPTURED), headA, headB)).isEqualTo(seal);
    assertThat(sealer.seal(described, headA, headB)).isNotEqualTo(seal);
    assertThat(sealer.seal(t, headA, seal)).isNotEqualTo(seal);
    assertThat(Sealer.withKey(KEY)).hasToString("Sealer[HMAC-SHA256, key hidden]");
  }

  @Test
  void weakSealingKeysAreRefused() {
    assertThatThrownBy(() -> Sealer.withKey(new byte[32]))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("sealingKey");
  }

  @Test
  void descriptionEdges() {
    assertThat(Description.of("k", "").bodyBytes()).isEmpty();
    assertThat(Description.of("k", "secret order 12345").toString())
        .isEqualTo("Description[kind=k, body=18 bytes]");
    assertThatThrownBy(() -> Description.of("k", "a\uD800b"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("lone surrogate at 1");
    assertThatThrownBy(() -> Description.of("k", "\uDC00"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("lone surrogate at 0");
    assertThatThrownBy(() -> Description.of("", "x"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("kind");
    assertThatThrownBy(() -> Description.of("k".repeat(65), "x"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("kind");
    assertThatThrownBy(() -> Description.of("k", "x".repeat(Description.MAX_BODY_BYTES + 1)))
        .isInstanceOfSatisfying(
            DescriptionTooLongException.class,
            e -> assertThat(e.bytes()).isEqualTo(Description.MAX_BODY_BYTES + 1));
  }
}

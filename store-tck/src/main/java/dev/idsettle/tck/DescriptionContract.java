package dev.idsettle.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.Description;
import dev.idsettle.ledger.DescriptionTooLongException;
import dev.idsettle.ledger.HoldState;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.ledger.TransferKind;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.spi.LedgerTx.Changes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Descriptions written with their transfers ({@link Description}): in the same store transaction,
 * read back equal from every read, part of a transfer's content for idempotency. Part of {@link
 * LedgerStoreContract}.
 */
public interface DescriptionContract extends ContractTest {

  /** A call record as a metering module might write it: JSON with text beyond ASCII. */
  Description CALL =
      Description.of(
          "call.v1",
          "{\"to\":\"+41 44 668 18 00\",\"increments\":[60,60,30],\"note\":\"Zürich, 東京 ☎ 𝄞\"}");

  /** A description travels with its transfer and reads back equal wherever the transfer does. */
  @Test
  default void descriptionIsReadBackWithItsTransfer() {
    LedgerFixture f = tck();
    AccountId id = f.activeId(100);
    TransferId debit = TransferId.random();

    CommandResult r = f.submit(Commands.debit(debit, id, f.revenue(), 30).describedAs(CALL));

    assertThat(r.applied()).isTrue();
    assertThat(r.transfer()).isNotNull().extracting(Transfer::description).isEqualTo(CALL);
    assertThat(f.ledger().transfer(debit).map(Transfer::description)).contains(CALL);
    assertThat(f.ledger().transfers(id, 0, 10))
        .filteredOn(t -> t.id().equals(debit))
        .singleElement()
        .isEqualTo(r.transfer());
    // the activation had none
    assertThat(f.ledger().transfers(id, 0, 10))
        .filteredOn(t -> !t.id().equals(debit))
        .allSatisfy(t -> assertThat(t.description()).isNull());
  }

  /**
   * A body of exactly the limit, in characters of one to four bytes, reads back byte for byte; one
   * byte more is refused before anything is submitted.
   */
  @Test
  default void descriptionAtTheSizeLimitReadsBackExactly() {
    LedgerFixture f = tck();
    AccountId id = f.activeId(100);
    // 1 + 2 + 3 + 4 bytes, repeated: 409 times 10 bytes, and 6 bytes of ASCII make 4096
    String body = "aé€𝄞".repeat(409) + "{}{}{}";
    Description largest = Description.of("sale.order", body);
    TransferId debit = TransferId.random();

    f.submit(Commands.debit(debit, id, f.revenue(), 1).describedAs(largest));

    assertThat(largest.bodyBytes()).hasSize(Description.MAX_BODY_BYTES);
    assertThat(f.ledger().transfer(debit).map(Transfer::description)).contains(largest);
    assertThatThrownBy(() -> Description.of("sale.order", body + "!"))
        .isInstanceOf(DescriptionTooLongException.class)
        .hasMessageContaining("body")
        .hasMessageContaining("4097");
    assertThat(f.account(id).posted()).isEqualTo(99);
  }

  /** A transfer refused and recorded keeps its description: it says what was attempted. */
  @Test
  default void recordedRefusalKeepsItsDescription() {
    LedgerFixture f = tck();
    AccountId id = f.activeId(10);
    TransferId debit = TransferId.random();

    CommandResult r = f.submit(Commands.debit(debit, id, f.revenue(), 30).describedAs(CALL));

    assertThat(r.refusal()).isEqualTo(Refusal.INSUFFICIENT_BALANCE);
    Optional<Transfer> stored = f.ledger().transfer(debit);
    assertThat(stored.map(Transfer::refusal)).contains(Refusal.INSUFFICIENT_BALANCE);
    assertThat(stored.map(Transfer::description)).contains(CALL);
  }

  /** A replay returns the original description; the same id described otherwise is reused. */
  @Test
  default void replayReturnsTheOriginalDescriptionAndAnotherIsRefused() {
    LedgerFixture f = tck();
    AccountId id = f.activeId(100);
    TransferId debit = TransferId.random();
    CommandResult original = f.submit(Commands.debit(debit, id, f.revenue(), 30).describedAs(CALL));

    CommandResult replay = f.submit(Commands.debit(debit, id, f.revenue(), 30).describedAs(CALL));
    CommandResult other =
        f.submit(
            Commands.debit(debit, id, f.revenue(), 30)
                .describedAs(Description.of("call.v1", "{\"to\":\"elsewhere\"}")));
    CommandResult bare = f.submit(Commands.debit(debit, id, f.revenue(), 30));

    assertThat(replay.replayed()).isTrue();
    assertThat(replay.applied()).isTrue();
    assertThat(replay.transfer()).isEqualTo(original.transfer());
    assertThat(other.refusal()).isEqualTo(Refusal.ID_REUSED);
    assertThat(bare.refusal()).isEqualTo(Refusal.ID_REUSED);
    assertThat(f.ledger().transfer(debit).map(Transfer::description)).contains(CALL);
    assertThat(f.account(id).posted()).isEqualTo(70);
  }

  /**
   * A described hold keeps its description when captured (only its hold state changes), and the
   * capture carries its own.
   */
  @Test
  default void heldThenCapturedKeepsBothDescriptions() {
    LedgerFixture f = tck();
    AccountId id = f.activeId(100);
    TransferId hold = TransferId.random();
    TransferId capture = TransferId.random();
    Description grant = Description.of("call.grant", "{\"seconds\":120}");
    Description end = Description.of("call.v1", "{\"seconds\":75}");

    f.submit(Commands.hold(hold, id, f.revenue(), 40, Duration.ofMinutes(5)).describedAs(grant));
    f.submit(Commands.capture(capture, hold, 25).describedAs(end));

    Transfer held = f.ledger().transfer(hold).orElseThrow();
    assertThat(held.holdState()).isEqualTo(HoldState.CAPTURED);
    assertThat(held.description()).isEqualTo(grant);
    assertThat(f.ledger().transfer(capture).map(Transfer::description)).contains(end);
    assertThat(f.account(id).posted()).isEqualTo(75);
  }

  /**
   * A store transaction that wrote a described transfer and then failed rolls the description back
   * with the transfer and the balances.
   */
  @Test
  default void rolledBackTransactionLeavesNoDescription() {
    LedgerFixture f = tck();
    LedgerStore store = f.store();
    AccountId id = f.activeId(50);
    TransferId debit = TransferId.random();
    Account before = f.account(id);
    Account revenueBefore = f.account(f.revenue());

    assertThatThrownBy(
            () ->
                store.transact(
                    tx -> {
                      tx.lock(List.of(id, f.revenue()), List.of(debit));
                      Transfer t =
                          new Transfer(
                              debit,
                              id,
                              f.revenue(),
                              20,
                              TransferKind.POST,
                              null,
                              null,
                              HoldState.NONE,
                              null,
                              "debit",
                              f.clock().instant(),
                              CALL);
                      tx.write(
                          new Changes(
                              List.of(
                                  withPosted(before, before.posted() - 20),
                                  withPosted(revenueBefore, revenueBefore.posted() + 20)),
                              List.of(t),
                              List.of()));
                      throw new IllegalStateException("the work failed after its write");
                    }))
        .isInstanceOf(IllegalStateException.class);

    Map<TransferId, Transfer> found = store.transact(tx -> tx.findTransfers(List.of(debit)));
    assertThat(found).isEmpty();
    assertThat(f.account(id)).isEqualTo(before);
    assertThat(f.account(f.revenue()).posted()).isEqualTo(revenueBefore.posted());
  }

  private static Account withPosted(Account a, long posted) {
    return new Account(
        a.id(),
        a.kind(),
        a.currency(),
        a.state(),
        posted,
        a.reserved(),
        a.expiry(),
        a.expiresAt(),
        a.idHash());
  }
}

package dev.idsettle.tck;

import static dev.idsettle.tck.NetworkFixture.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.money.Money;
import dev.idsettle.roles.AuthorizationResult;
import dev.idsettle.roles.BatchState;
import dev.idsettle.roles.Denial;
import dev.idsettle.roles.DenialReason;
import dev.idsettle.roles.IssuedSlips;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.PrintedSlip;
import dev.idsettle.roles.RangeChanged;
import dev.idsettle.roles.Slip;
import dev.idsettle.roles.SlipActivationResult;
import dev.idsettle.roles.SlipDenial;
import dev.idsettle.roles.SlipDenialReason;
import dev.idsettle.roles.Slips;
import dev.idsettle.roles.SlipsActivated;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Slips and sheets over the store (claims 10, 12, 13): batches issued as sheets of inactive slips,
 * their lifecycle, activation by a terminal that reports the printed data and the payment (a slip
 * or a whole sheet, all or nothing, idempotent), and locking or voiding serial ranges. Part of
 * {@link LedgerStoreContract}, so every store proves it.
 */
public interface SlipContract extends ContractTest {

  /** A batch prefix no other test uses (stores may be shared between tests). */
  static String prefix() {
    return "T"
        + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);
  }

  /** A distributed batch of {@code sheets} sheets of {@code size} slips of 5.00. */
  static IssuedSlips distributed(Slips slips, int sheets, int size, @Nullable String service) {
    IssuedSlips batch =
        slips.issue(prefix(), sheets, size, eur(500), service, ExpiryPolicy.never());
    slips.advance(batch.prefix(), BatchState.PRINTED);
    slips.advance(batch.prefix(), BatchState.DISTRIBUTED);
    return batch;
  }

  static List<PrintedSlip> printed(List<Slip> slips) {
    return slips.stream().map(Slip::printed).toList();
  }

  static String serial(IssuedSlips batch, int sequence) {
    return batch.slips().get(sequence - 1).serial().toString();
  }

  private static AccountState state(NetworkFixture n, IdNumber id) {
    return n.settle().account(id).orElseThrow().state();
  }

  private static long balance(NetworkFixture n, IdNumber id) {
    return n.settle().account(id).orElseThrow().posted();
  }

  private static SlipDenialReason denied(SlipActivationResult r) {
    assertThat(r).isInstanceOf(SlipDenial.class);
    return ((SlipDenial) r).reason();
  }

  private static SlipActivationResult sell(NetworkFixture n, Slips s, List<Slip> slips, long paid) {
    return s.activate(n.till(), printed(slips), eur(paid), UUID.randomUUID().toString());
  }

  /** The network fixture for a slip test. */
  default NetworkFixture slipNet() {
    return new NetworkFixture(tck());
  }

  /** A batch is sheets of N slips, each its own inactive ID with a serial and the face value. */
  @Test
  default void aBatchIsSheetsOfInactiveSlips() {
    NetworkFixture n = slipNet();
    Slips s = Slips.over(n.manager());
    String prefix = prefix();

    IssuedSlips batch = s.issue(prefix, 3, 4, eur(500), null, ExpiryPolicy.never());

    assertThat(batch.slips()).hasSize(12);
    assertThat(batch.sheets()).hasSize(3).allSatisfy(sheet -> assertThat(sheet).hasSize(4));
    assertThat(batch.slips().get(0).serial().toString()).isEqualTo(prefix + "-000001");
    assertThat(batch.slips().get(11).serial().toString()).isEqualTo(prefix + "-000012");
    Set<IdNumber> ids = new HashSet<>();
    for (Slip slip : batch.slips()) {
      ids.add(slip.id());
      assertThat(slip.faceValue()).isEqualTo(eur(500));
      assertThat(state(n, slip.id())).isEqualTo(AccountState.ISSUED);
      assertThat(slip.toString()).doesNotContain(slip.id().digits());
    }
    assertThat(ids).hasSize(12);
    assertThat(s.state(prefix)).isEqualTo(BatchState.CREATED);
    assertThat(n.spend(n.phone(), batch.slips().get(0).id(), 100))
        .isInstanceOfSatisfying(
            Denial.class, d -> assertThat(d.reason()).isEqualTo(DenialReason.UNKNOWN_ID));
  }

  /** Created, printed, distributed, in that order; a prefix is issued once. */
  @Test
  default void aBatchMovesThroughItsLifecycleInOrder() {
    NetworkFixture n = slipNet();
    Slips s = Slips.over(n.manager());
    String prefix = prefix();
    s.issue(prefix, 1, 2, eur(500), null, ExpiryPolicy.never());

    assertThatThrownBy(() -> s.advance(prefix, BatchState.DISTRIBUTED))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("CREATED");
    assertThat(s.advance(prefix, BatchState.PRINTED)).isEqualTo(BatchState.PRINTED);
    assertThat(s.advance(prefix, BatchState.PRINTED)).isEqualTo(BatchState.PRINTED);
    assertThatThrownBy(() -> s.advance(prefix, BatchState.CREATED))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(s.advance(prefix, BatchState.DISTRIBUTED)).isEqualTo(BatchState.DISTRIBUTED);
    assertThat(s.state(prefix)).isEqualTo(BatchState.DISTRIBUTED);
    assertThatThrownBy(() -> s.issue(prefix, 1, 2, eur(500), null, ExpiryPolicy.never()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("issued before");
    assertThatThrownBy(() -> s.state(prefix() + "X")).isInstanceOf(InvalidRequestException.class);
  }

  /** Bad issue arguments are typed errors naming the field. */
  @Test
  default void badIssueArgumentsAreTypedErrors() {
    NetworkFixture n = slipNet();
    Slips s = Slips.over(n.manager());
    ExpiryPolicy never = ExpiryPolicy.never();

    assertThatThrownBy(() -> s.issue(prefix(), 1, 0, eur(500), null, never))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("sheetSize");
    assertThatThrownBy(() -> s.issue(prefix(), 1, Slips.MAX_SHEET_SIZE + 1, eur(500), null, never))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("sheetSize");
    assertThatThrownBy(() -> s.issue(prefix(), 0, 5, eur(500), null, never))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("sheets");
    assertThatThrownBy(() -> s.issue(prefix(), 1, 5, eur(0), null, never))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("faceValue");
    assertThatThrownBy(() -> s.issue("b-7", 1, 5, eur(500), null, never))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("prefix");
    assertThatThrownBy(() -> s.issue(prefix(), 1, 5, eur(500), "no-such-service", never))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("no-such-service");
  }

  /** Slips of a batch not yet distributed cannot be sold. */
  @Test
  default void slipsOfAnUndistributedBatchAreRefused() {
    NetworkFixture n = slipNet();
    Slips s = Slips.over(n.manager());
    IssuedSlips batch = s.issue(prefix(), 1, 2, eur(500), null, ExpiryPolicy.never());
    s.advance(batch.prefix(), BatchState.PRINTED);

    assertThat(denied(sell(n, s, batch.slips().subList(0, 1), 500)))
        .isEqualTo(SlipDenialReason.NOT_DISTRIBUTED);
    assertThat(state(n, batch.slips().get(0).id())).isEqualTo(AccountState.ISSUED);
  }

  /** A sold slip holds its face value, spendable anywhere when its batch names no service. */
  @Test
  default void anActivatedSlipHoldsItsFaceValue() {
    NetworkFixture n = slipNet();
    Slips s = Slips.over(n.manager());
    IssuedSlips batch = distributed(s, 1, 3, null);
    Slip slip = batch.slips().get(1);

    SlipActivationResult r = sell(n, s, List.of(slip), 500);

    assertThat(r).isEqualTo(new SlipsActivated(1, eur(500), false));
    assertThat(state(n, slip.id())).isEqualTo(AccountState.ACTIVE);
    assertThat(n.spend(n.web(), slip.id(), 200))
        .isInstanceOfSatisfying(Permit.class, p -> assertThat(p.balance()).isEqualTo(eur(300)));
    assertThat(state(n, batch.slips().get(0).id())).isEqualTo(AccountState.ISSUED);
  }

  /** Paid other than the face value (or in another currency): refused, nothing changed. */
  @Test
  default void paymentOtherThanTheFaceValueIsRefused() {
    NetworkFixture n = slipNet();
    Slips s = Slips.over(n.manager());
    IssuedSlips batch = distributed(s, 1, 2, null);
    List<Slip> sheet = batch.sheets().get(0);

    SlipActivationResult less = sell(n, s, sheet, 999);
    SlipActivationResult more = sell(n, s, sheet, 1001);
    SlipActivationResult usd =
        s.activate(
            n.till(),
            printed(sheet),
            Money.of(1000, Currency.getInstance("USD")),
            UUID.randomUUID().toString());

    assertThat(denied(less)).isEqualTo(SlipDenialReason.PAID_NOT_FACE_VALUE);
    assertThat(((SlipDenial) less).message())
        .contains("9.99")
        .doesNotContain(sheet.get(0).id().digits());
    assertThat(denied(more)).isEqualTo(SlipDenialReason.PAID_NOT_FACE_VALUE);
    assertThat(denied(usd)).isEqualTo(SlipDenialReason.PAID_NOT_FACE_VALUE);
    for (Slip slip : sheet) {
      assertThat(state(n, slip.id())).isEqualTo(AccountState.ISSUED);
      assertThat(balance(n, slip.id())).isZero();
    }
  }

  /** A serial or face value read that does not belong to the ID: refused, nothing changed. */
  @Test
  default void printedDataThatDoesNotMatchIsRefused() {
    NetworkFixture n = slipNet();
    Slips s = Slips.over(n.manager());
    IssuedSlips batch = distributed(s, 1, 2, null);
    Slip a = batch.slips().get(0);
    Slip b = batch.slips().get(1);
    String ref = UUID.randomUUID().toString();

    SlipActivationResult swapped =
        s.activate(
            n.till(),
            List.of(new PrintedSlip(a.id(), b.serial().toString(), eur(500))),
            eur(500),
            ref);
    SlipActivationResult face =
        s.activate(
            n.till(),
            List.of(new PrintedSlip(a.id(), a.serial().toString(), eur(1000))),
            eur(1000),
            ref);
    SlipActivationResult unknown =
        s.activate(
            n.till(),
            List.of(new PrintedSlip(a.id(), batch.prefix() + "-000099", eur(500))),
            eur(500),
            ref);
    SlipActivationResult otherBatch =
        s.activate(
            n.till(),
            List.of(new PrintedSlip(a.id(), prefix() + "-000001", eur(500))),
            eur(500),
            ref);

    assertThat(denied(swapped)).isEqualTo(SlipDenialReason.PRINTED_DATA_MISMATCH);
    assertThat(denied(face)).isEqualTo(SlipDenialReason.PRINTED_DATA_MISMATCH);
    assertThat(((SlipDenial) face).message()).contains("10.00");
    assertThat(denied(unknown)).isEqualTo(SlipDenialReason.PRINTED_DATA_MISMATCH);
    assertThat(denied(otherBatch)).isEqualTo(SlipDenialReason.PRINTED_DATA_MISMATCH);
    assertThat(state(n, a.id())).isEqualTo(AccountState.ISSUED);
    assertThat(state(n, b.id())).isEqualTo(AccountState.ISSUED);
    // the reference was not used up by the refusals
    assertThat(s.activate(n.till(), List.of(a.printed()), eur(500), ref))
        .isEqualTo(new SlipsActivated(1, eur(500), false));
  }

  /** A whole sheet in one call; one locked slip refuses the sheet and changes none of it. */
  @Test
  default void aSheetIsActivatedAllOrNothing() {
    NetworkFixture n = slipNet();
    Slips s = Slips.over(n.manager());
    IssuedSlips batch = distributed(s, 2, 5, null);
    List<Slip> first = batch.sheets().get(0);
    List<Slip> second = batch.sheets().get(1);
    s.lock(serial(batch, 3), serial(batch, 3));

    SlipActivationResult refused = sell(n, s, first, 2500);
    SlipActivationResult sold = sell(n, s, second, 2500);

    assertThat(denied(refused)).isEqualTo(SlipDenialReason.LOCKED);
    assertThat(((SlipDenial) refused).message()).contains(serial(batch, 3));
    for (Slip slip : first) {
      assertThat(balance(n, slip.id())).isZero();
    }
    assertThat(state(n, first.get(0).id())).isEqualTo(AccountState.ISSUED);
    assertThat(sold).isEqualTo(new SlipsActivated(5, eur(2500), false));
    for (Slip slip : second) {
      assertThat(state(n, slip.id())).isEqualTo(AccountState.ACTIVE);
      assertThat(balance(n, slip.id())).isEqualTo(500);
    }
  }

  /** The same reference replays; with other slips, fewer slips or another amount it is refused. */
  @Test
  default void sheetActivationIsIdempotentUnderItsReference() {
    NetworkFixture n = slipNet();
    Slips s = Slips.over(n.manager());
    IssuedSlips batch = distributed(s, 2, 3, null);
    List<Slip> sheet = batch.sheets().get(0);
    String ref = UUID.randomUUID().toString();

    SlipActivationResult first = s.activate(n.till(), printed(sheet), eur(1500), ref);
    SlipActivationResult again = s.activate(n.till(), printed(sheet), eur(1500), ref);
    SlipActivationResult otherSheet =
        s.activate(n.till(), printed(batch.sheets().get(1)), eur(1500), ref);
    SlipActivationResult fewer = s.activate(n.till(), printed(sheet.subList(0, 2)), eur(1000), ref);
    SlipActivationResult otherRef = sell(n, s, sheet, 1500);

    assertThat(first).isEqualTo(new SlipsActivated(3, eur(1500), false));
    assertThat(again).isEqualTo(new SlipsActivated(3, eur(1500), true));
    assertThat(denied(otherSheet)).isEqualTo(SlipDenialReason.DUPLICATE_REFERENCE);
    assertThat(denied(fewer)).isEqualTo(SlipDenialReason.DUPLICATE_REFERENCE);
    assertThat(denied(otherRef)).isEqualTo(SlipDenialReason.ALREADY_ACTIVE);
    for (Slip slip : sheet) {
      assertThat(balance(n, slip.id())).isEqualTo(500);
    }
    for (Slip slip : batch.sheets().get(1)) {
      assertThat(state(n, slip.id())).isEqualTo(AccountState.ISSUED);
    }
  }

  /** A slip of a batch with a service is routed there, like a routed activation. */
  @Test
  default void aSlipWithAServiceIsUsableThereOnly() {
    NetworkFixture n = slipNet();
    Slips s = Slips.over(n.manager());
    IssuedSlips batch = distributed(s, 1, 2, n.phone());
    Slip slip = batch.slips().get(0);
    assertThat(slip.service()).isEqualTo(n.phone());

    assertThat(sell(n, s, List.of(slip), 500)).isInstanceOf(SlipsActivated.class);

    assertThat(n.spend(n.phone(), slip.id(), 200))
        .isInstanceOfSatisfying(Permit.class, p -> assertThat(p.balance()).isEqualTo(eur(300)));
    assertThat(n.spend(n.web(), slip.id(), 100))
        .isInstanceOfSatisfying(
            Denial.class, d -> assertThat(d.reason()).isEqualTo(DenialReason.WRONG_SERVICE));
  }

  /**
   * Locking a range (a stolen box) counts what changed; locked slips are neither sold nor spent.
   */
  @Test
  default void lockingARangeStopsSaleAndSpending() {
    NetworkFixture n = slipNet();
    Slips s = Slips.over(n.manager());
    IssuedSlips batch = distributed(s, 5, 2, null);
    List<Slip> sold = batch.sheets().get(0);
    assertThat(sell(n, s, sold, 1000)).isInstanceOf(SlipsActivated.class);

    RangeChanged locked = s.lock(serial(batch, 1), serial(batch, 6));
    RangeChanged again = s.lock(serial(batch, 1), serial(batch, 6));

    assertThat(locked).isEqualTo(new RangeChanged(6, 0));
    assertThat(again).isEqualTo(new RangeChanged(0, 6));
    for (int i = 0; i < 6; i++) {
      assertThat(state(n, batch.slips().get(i).id())).isEqualTo(AccountState.BLOCKED);
    }
    assertThat(state(n, batch.slips().get(6).id())).isEqualTo(AccountState.ISSUED);
    AuthorizationResult spent = n.spend(n.phone(), sold.get(0).id(), 100);
    assertThat(spent)
        .isInstanceOfSatisfying(
            Denial.class, d -> assertThat(d.reason()).isEqualTo(DenialReason.BLOCKED));
    assertThat(balance(n, sold.get(0).id())).isEqualTo(500);
    assertThat(denied(sell(n, s, batch.sheets().get(1), 1000))).isEqualTo(SlipDenialReason.LOCKED);
    assertThat(sell(n, s, batch.sheets().get(3), 1000)).isInstanceOf(SlipsActivated.class);
  }

  /** Locking a range of routed slips locks the value in their service's envelope too. */
  @Test
  default void lockingRoutedSlipsLocksTheirEnvelopes() {
    NetworkFixture n = slipNet();
    Slips s = Slips.over(n.manager());
    IssuedSlips batch = distributed(s, 1, 2, n.phone());
    assertThat(sell(n, s, batch.slips(), 1000)).isInstanceOf(SlipsActivated.class);

    assertThat(s.lock(serial(batch, 1), serial(batch, 2))).isEqualTo(new RangeChanged(2, 0));

    assertThat(n.spend(n.phone(), batch.slips().get(0).id(), 100)).isInstanceOf(Denial.class);
    assertThat(n.manager().query(batch.slips().get(1).id(), n.phone(), "kiosk"))
        .isInstanceOf(Denial.class);
  }

  /** Voiding a range withdraws unsold and locked empty slips; a slip holding value is left. */
  @Test
  default void voidingARangeWithdrawsSlipsWithoutValue() {
    NetworkFixture n = slipNet();
    Slips s = Slips.over(n.manager());
    IssuedSlips batch = distributed(s, 3, 2, null);
    assertThat(sell(n, s, batch.sheets().get(0), 1000)).isInstanceOf(SlipsActivated.class);
    s.lock(serial(batch, 3), serial(batch, 3));

    RangeChanged voided = s.voidRange(serial(batch, 1), serial(batch, 5));

    assertThat(voided).isEqualTo(new RangeChanged(3, 2));
    assertThat(state(n, batch.slips().get(0).id())).isEqualTo(AccountState.ACTIVE);
    assertThat(state(n, batch.slips().get(2).id())).isEqualTo(AccountState.VOIDED);
    assertThat(state(n, batch.slips().get(4).id())).isEqualTo(AccountState.VOIDED);
    assertThat(state(n, batch.slips().get(5).id())).isEqualTo(AccountState.ISSUED);
    assertThat(denied(sell(n, s, batch.slips().subList(3, 4), 500)))
        .isEqualTo(SlipDenialReason.VOID);
    assertThat(s.voidRange(serial(batch, 1), serial(batch, 5))).isEqualTo(new RangeChanged(0, 5));
  }

  /** Malformed ranges are typed errors that name what was wrong and change nothing. */
  @Test
  default void malformedRangesAreTypedErrors() {
    NetworkFixture n = slipNet();
    Slips s = Slips.over(n.manager());
    IssuedSlips batch = distributed(s, 1, 4, null);
    IssuedSlips other = distributed(s, 1, 4, null);

    assertThatThrownBy(() -> s.lock(serial(batch, 3), serial(batch, 2)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("after");
    assertThatThrownBy(() -> s.lock(serial(batch, 1), serial(other, 2)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("two batches");
    assertThatThrownBy(() -> s.voidRange(serial(batch, 1), batch.prefix() + "-000005"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("has 4 slips");
    assertThatThrownBy(() -> s.lock(prefix() + "-000001", prefix() + "-000001"))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> s.lock("box 7", serial(batch, 2)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("malformed");
    assertThatThrownBy(() -> s.lock(batch.prefix() + "-000000", serial(batch, 2)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("sequence");
    for (Slip slip : batch.slips()) {
      assertThat(state(n, slip.id())).isEqualTo(AccountState.ISSUED);
    }
  }

  /** Tills racing to sell one sheet under their own references: one sale, each slip paid once. */
  @Test
  default void racingSalesOfOneSheetSellItOnce() throws Exception {
    NetworkFixture n = slipNet();
    Slips s = Slips.over(n.manager());
    IssuedSlips batch = distributed(s, 1, 5, null);
    List<PrintedSlip> sheet = printed(batch.slips());
    int tills = 4;
    ExecutorService pool = Executors.newFixedThreadPool(tills);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<SlipActivationResult>> sales = new ArrayList<>();
      for (int i = 0; i < tills; i++) {
        String till = n.till() + "-" + i;
        sales.add(
            pool.submit(
                () -> {
                  start.await();
                  return s.activate(till, sheet, eur(2500), "sale");
                }));
      }
      start.countDown();
      int sold = 0;
      for (Future<SlipActivationResult> sale : sales) {
        SlipActivationResult r = sale.get(60, TimeUnit.SECONDS);
        if (r instanceof SlipsActivated) {
          sold++;
        } else {
          assertThat(denied(r)).isEqualTo(SlipDenialReason.ALREADY_ACTIVE);
        }
      }
      assertThat(sold).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    for (Slip slip : batch.slips()) {
      assertThat(balance(n, slip.id())).isEqualTo(500);
    }
  }

  /**
   * A slip is sold through {@link Slips} only: the ordinary activations refuse it with a typed
   * denial that shows no more than an unknown ID, and change nothing.
   */
  @Test
  default void aSlipIsNotSoldByTheOrdinaryActivations() {
    NetworkFixture n = slipNet();
    Slips s = Slips.over(n.manager());
    IssuedSlips batch = distributed(s, 1, 2, null);
    Slip slip = batch.slips().get(0);

    Object byTerminal =
        n.settle().terminal(n.till()).activate(slip.id(), eur(500), UUID.randomUUID().toString());
    Object byManager =
        n.manager()
            .activate(n.till(), slip.id(), eur(500), n.phone(), UUID.randomUUID().toString());

    for (Object r : List.of(byTerminal, byManager)) {
      assertThat(r)
          .isInstanceOfSatisfying(
              Denial.class,
              d -> {
                assertThat(d.reason()).isEqualTo(DenialReason.SLIP_ONLY);
                assertThat(d.publicReason()).isEqualTo(dev.idsettle.roles.PublicReason.NOT_USABLE);
              });
    }
    assertThat(state(n, slip.id())).isEqualTo(AccountState.ISSUED);
    assertThat(sell(n, s, List.of(slip), 500)).isInstanceOf(SlipsActivated.class);
  }

  /**
   * {@link Slips#markSlips} (for batches issued before slips were marked) finds nothing to mark on
   * a batch issued now, and refuses a batch that does not exist.
   */
  @Test
  default void aBatchIssuedNowNeedsNoMarking() {
    NetworkFixture n = slipNet();
    Slips s = Slips.over(n.manager());
    IssuedSlips batch = distributed(s, 2, 2, null);

    assertThat(s.markSlips(batch.prefix())).isZero();
    assertThatThrownBy(() -> s.markSlips("NO" + batch.prefix()))
        .isInstanceOf(dev.idsettle.InvalidRequestException.class);
  }
}

package dev.idsettle.tck;

import static dev.idsettle.tck.NetworkFixture.eur;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.roles.Activated;
import dev.idsettle.roles.AuthorizationResult;
import dev.idsettle.roles.Denial;
import dev.idsettle.roles.DenialReason;
import dev.idsettle.roles.HolderResult;
import dev.idsettle.roles.Holders;
import dev.idsettle.roles.Linked;
import dev.idsettle.roles.Merged;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.PublicReason;
import dev.idsettle.roles.SettlementAuthenticator;
import dev.idsettle.spi.ForwardingLedgerStore;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.spi.StoreWork;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Holders: linked and merged IDs (claims 8, 9), through {@link Holders} over the store. Part of
 * {@link LedgerStoreContract}, so every store proves it.
 */
public interface HolderContract extends ContractTest {

  private static String holder() {
    return "customer-" + UUID.randomUUID();
  }

  private static String ref() {
    return HolderFixture.ref();
  }

  /** A new ID activated with {@code minor} that expires at {@code at}. */
  private static IdNumber expiring(NetworkFixture n, long minor, Instant at) {
    IdNumber id = n.issued(ExpiryPolicy.at(at));
    assertThat(n.settle().terminal(n.till()).activate(id, eur(minor), ref()))
        .isInstanceOf(Activated.class);
    return id;
  }

  private static DenialReason reason(Object result) {
    assertThat(result).isInstanceOf(Denial.class);
    return ((Denial) result).reason();
  }

  /** One request draws from several IDs, the soonest expiry first, then the smallest balance. */
  @Test
  default void linkedSpendDrawsSoonestExpiryFirstThenSmallestBalance() {
    HolderFixture x = HolderFixture.linked(tck(), 500);
    IdNumber big = x.id(0);
    IdNumber expiring = expiring(x.n, 300, LedgerStoreContract.START.plus(Duration.ofDays(10)));
    IdNumber small = x.n.active(200);
    x.link(expiring);
    x.link(small);

    AuthorizationResult r = x.spend(big, 600, ref());

    assertThat(r)
        .isInstanceOfSatisfying(Permit.class, p -> assertThat(p.balance()).isEqualTo(eur(400)));
    assertThat(x.balance(expiring)).isZero();
    assertThat(x.balance(small)).isZero();
    assertThat(x.balance(big)).isEqualTo(400);
    assertThat(x.n.settle().revenue(x.n.phone())).isEqualTo(eur(600));
  }

  /** Never more than the sum of the linked balances; a refused request moves nothing. */
  @Test
  default void linkedSpendNeverExceedsTheSum() {
    HolderFixture x = HolderFixture.linked(tck(), 300, 200);
    IdNumber b = x.id(1);
    String reference = ref();

    Denial d = (Denial) x.spend(b, 501, reference);
    AuthorizationResult again = x.spend(b, 501, reference);

    assertThat(d.reason()).isEqualTo(DenialReason.INSUFFICIENT_BALANCE);
    assertThat(d.balance()).isEqualTo(eur(500));
    assertThat(again).isInstanceOfSatisfying(Denial.class, y -> assertThat(y.replayed()).isTrue());
    assertThat(x.sum()).isEqualTo(500);
    assertThat(x.spend(b, 500, ref())).isInstanceOf(Permit.class);
    assertThat(x.sum()).isZero();
  }

  /**
   * The same reference replays a linked spend (even once the plan would differ); other content is
   * refused.
   */
  @Test
  default void linkedSpendIsIdempotent() {
    HolderFixture x = HolderFixture.linked(tck(), 300, 200);
    IdNumber a = x.id(0);
    String reference = ref();

    Permit first = (Permit) x.spend(a, 400, reference);
    AuthorizationResult replay = x.spend(a, 400, reference);
    AuthorizationResult other = x.spend(a, 50, reference);

    assertThat(replay)
        .isInstanceOfSatisfying(
            Permit.class,
            p -> {
              assertThat(p.replayed()).isTrue();
              assertThat(p.transferId()).isEqualTo(first.transferId());
            });
    assertThat(reason(other)).isEqualTo(DenialReason.DUPLICATE_REFERENCE);
    assertThat(x.sum()).isEqualTo(100);
  }

  /**
   * Refusals (claim 7) hold for linked IDs: a blocked ID presented gets nothing from the others.
   */
  @Test
  default void aBlockedLinkedIdIsRefusedAndGivesNothing() {
    HolderFixture x = HolderFixture.linked(tck(), 300, 200);
    IdNumber a = x.id(0);
    IdNumber b = x.id(1);
    IdNumber unsold = x.n.issued();
    x.link(unsold);
    x.n.manager().block(b);

    assertThat(reason(x.spend(b, 10, ref()))).isEqualTo(DenialReason.BLOCKED);
    // an unsold ID is answered like an ID never issued (the guessing defence)
    assertThat(reason(x.spend(unsold, 10, ref()))).isEqualTo(DenialReason.UNKNOWN_ID);
    Denial tooMuch = (Denial) x.spend(a, 301, ref());
    assertThat(tooMuch.balance()).isEqualTo(eur(300));
    assertThat(x.balance(b)).isEqualTo(200);
  }

  /** The low-balance warning (claim 11) fires once, on what all the holder's IDs can still give. */
  @Test
  default void lowBalanceWarningIsOnTheLinkedSum() {
    HolderFixture x = HolderFixture.linked(tck(), 200, 200);
    IdNumber a = x.id(0);

    Permit above = (Permit) x.spend(a, 50, ref());
    Permit crossing = (Permit) x.spend(a, 100, ref());
    Permit below = (Permit) x.spend(a, 10, ref());

    assertThat(above.lowBalance()).isFalse();
    assertThat(crossing.lowBalance()).isTrue();
    assertThat(crossing.balance()).isEqualTo(eur(250));
    assertThat(below.lowBalance()).isTrue();
    assertThat(x.n.events()).hasSize(1);
    assertThat(x.n.events().get(0).balance()).isEqualTo(eur(250));
  }

  /** An ID without a holder is judged by the linked device exactly as by the plain one. */
  @Test
  default void anIdWithoutHolderSpendsAlone() {
    HolderFixture x = HolderFixture.linked(tck());
    IdNumber a = x.n.active(100);

    assertThat(reason(x.spend(a, 101, ref()))).isEqualTo(DenialReason.INSUFFICIENT_BALANCE);
    assertThat(x.spend(a, 100, ref())).isInstanceOf(Permit.class);
  }

  /**
   * {@code authorizeAll} sends all the linked requests to the ledger in one batch (one store
   * transaction; a replay's reads may take more), each request its own linked group, judged on its
   * own and in order: a later request plans from what the earlier ones left, a refused one moves
   * nothing, a reference used before replays, and a request for an ID without a holder goes to the
   * plain device.
   */
  @Test
  default void authorizeAllIsOneLedgerBatchJudgedPerRequest() {
    AtomicInteger transactions = new AtomicInteger();
    LedgerStore counting =
        new ForwardingLedgerStore() {
          @Override
          protected LedgerStore delegate() {
            return tck().store();
          }

          @Override
          public <T> T transact(StoreWork<T> work) {
            transactions.incrementAndGet();
            return super.transact(work);
          }
        };
    HolderFixture x = HolderFixture.linked(LedgerFixture.over(counting, tck().clock()), 300, 200);
    IdNumber a = x.id(0);
    IdNumber b = x.id(1);
    IdNumber alone = x.n.active(100);
    // the service's revenue accounts exist before the count starts
    assertThat(x.n.spend(x.n.phone(), alone, 1)).isInstanceOf(Permit.class);
    SettlementAuthenticator device = x.h.authenticator(x.n.phone());
    String first = ref();
    transactions.set(0);

    List<AuthorizationResult> linked =
        device.authorizeAll(
            List.of(
                HolderFixture.request(a, 250, first),
                HolderFixture.request(b, 200, ref()),
                HolderFixture.request(a, 100, ref())));

    assertThat(transactions.get()).isEqualTo(1);
    Permit p0 = (Permit) linked.get(0);
    assertThat(p0.balance()).isEqualTo(eur(250));
    assertThat(((Permit) linked.get(1)).balance()).isEqualTo(eur(50));
    Denial d2 = (Denial) linked.get(2);
    assertThat(d2.reason()).isEqualTo(DenialReason.INSUFFICIENT_BALANCE);
    assertThat(d2.balance()).isEqualTo(eur(50));
    assertThat(x.sum()).isEqualTo(50);
    assertThat(x.n.events()).hasSize(1);

    List<AuthorizationResult> mixed =
        device.authorizeAll(
            List.of(
                HolderFixture.request(alone, 99, ref()),
                HolderFixture.request(a, 51, ref()),
                HolderFixture.request(a, 250, first)));

    assertThat(mixed.get(0)).isInstanceOf(Permit.class);
    assertThat(reason(mixed.get(1))).isEqualTo(DenialReason.INSUFFICIENT_BALANCE);
    assertThat(mixed.get(2))
        .isInstanceOfSatisfying(
            Permit.class,
            p -> {
              assertThat(p.replayed()).isTrue();
              assertThat(p.transferId()).isEqualTo(p0.transferId());
            });
    assertThat(x.balance(alone)).isZero();
    assertThat(x.sum()).isEqualTo(50);
  }

  /**
   * Over a store that takes the ledger's images, a linked request is planned from the images this
   * process last saw committed. Another process (here the fixture's own ledger) moves value between
   * the holder's IDs: the plan from the stale images is refused, planned again from a fresh read
   * and permitted, and the reference replays the permit. Other stores plan from a read and permit
   * at once.
   */
  @Test
  default void aPlanFromStaleImagesIsMadeAgainFromAFreshRead() {
    HolderFixture x = HolderFixture.linked(tck(), 300, 200);
    IdNumber a = x.id(0);
    IdNumber b = x.id(1);
    assertThat(x.spend(a, 250, ref())).isInstanceOf(Permit.class);
    dev.idsettle.ledger.AccountId from = x.n.settle().account(a).orElseThrow().id();
    dev.idsettle.ledger.AccountId to = x.n.settle().account(b).orElseThrow().id();
    assertThat(
            tck()
                .submit(LedgerCommand.post(TransferId.random(), from, to, 200, "elsewhere"))
                .applied())
        .isTrue();
    String reference = ref();

    Permit p = (Permit) x.spend(a, 100, reference);

    assertThat(p.balance()).isEqualTo(eur(150));
    assertThat(x.balance(a)).isZero();
    assertThat(x.balance(b)).isEqualTo(150);
    assertThat(x.spend(a, 100, reference))
        .isInstanceOfSatisfying(
            Permit.class,
            r -> {
              assertThat(r.replayed()).isTrue();
              assertThat(r.transferId()).isEqualTo(p.transferId());
            });
    assertThat(x.sum()).isEqualTo(150);
  }

  /** Links are idempotent by reference; an ID belongs to one holder; closed IDs are not linked. */
  @Test
  default void linkRefusals() {
    HolderFixture x = HolderFixture.linked(tck());
    Holders h = x.h;
    String holder = x.holder;
    IdNumber a = x.n.active(100);
    IdNumber b = x.n.active(100);
    IdNumber blocked = x.n.active(100);
    x.n.manager().block(blocked);
    String reference = ref();

    assertThat(h.link(holder, a, reference)).isEqualTo(new Linked(1, false));
    assertThat(h.link(holder, a, reference)).isEqualTo(new Linked(1, true));
    assertThat(reason(h.link(holder, b, reference))).isEqualTo(DenialReason.DUPLICATE_REFERENCE);
    assertThat(h.link(holder, b, ref())).isEqualTo(new Linked(2, false));
    assertThat(reason(h.link(holder(), b, ref()))).isEqualTo(DenialReason.OTHER_HOLDER);
    assertThat(reason(h.link(holder, blocked, ref()))).isEqualTo(DenialReason.BLOCKED);
    assertThat(h.link(holder, x.n.issued(), ref())).isEqualTo(new Linked(3, false));
  }

  /**
   * A merge moves the old balance to the new ID in one step; the old ID ends merged and says so
   * when presented, and when queried (claim 3), without naming the ID it went to; the same
   * reference replays, other content is refused.
   */
  @Test
  default void mergeMovesTheBalanceAndClosesTheOldId() {
    HolderFixture x = HolderFixture.linked(tck(), 700);
    NetworkFixture n = x.n;
    IdNumber old = x.id(0);
    n.spend(n.phone(), old, 100);
    IdNumber fresh = n.active(50);
    String reference = ref();

    HolderResult r = x.h.merge(x.holder, fresh, reference);

    assertThat(r).isEqualTo(new Merged(eur(600), 1, eur(650), false));
    assertThat(x.h.merge(x.holder, fresh, reference))
        .isEqualTo(new Merged(eur(600), 1, eur(650), true));
    assertThat(reason(x.h.merge(x.holder, old, reference)))
        .isEqualTo(DenialReason.DUPLICATE_REFERENCE);
    assertThat(n.settle().account(old).orElseThrow().state()).isEqualTo(AccountState.MERGED);
    assertThat(x.balance(old)).isZero();
    Denial presented = (Denial) x.spend(old, 10, ref());
    assertThat(presented.reason()).isEqualTo(DenialReason.MERGED);
    assertThat(presented.publicReason()).isEqualTo(PublicReason.NOT_USABLE);
    assertThat(reason(n.spend(n.phone(), old, 10))).isEqualTo(DenialReason.MERGED);
    Denial queried = (Denial) n.manager().query(old, n.phone(), "kiosk");
    assertThat(queried.reason()).isEqualTo(DenialReason.MERGED);
    assertThat(queried.publicReason()).isEqualTo(PublicReason.NOT_USABLE);
    assertThat(queried.message()).doesNotContain(fresh.masked());
    assertThat(x.spend(fresh, 650, ref())).isInstanceOf(Permit.class);
  }

  /** A merge is refused while the old ID has open holds or is blocked, and changes nothing. */
  @Test
  default void mergeRefusedWhileHoldsAreOpenOrTheOldIdIsBlocked() {
    HolderFixture x = HolderFixture.linked(tck(), 500);
    IdNumber old = x.id(0);
    dev.idsettle.ledger.AccountId account = x.n.settle().account(old).orElseThrow().id();
    TransferId hold = TransferId.random();
    assertThat(
            tck()
                .submit(
                    LedgerCommand.hold(
                        hold, account, tck().revenue(), 100, Duration.ofMinutes(5), "call"))
                .applied())
        .isTrue();
    IdNumber fresh = x.n.active(10);

    assertThat(reason(x.h.merge(x.holder, fresh, ref()))).isEqualTo(DenialReason.OPEN_HOLDS);
    assertThat(tck().submit(LedgerCommand.voidHold(TransferId.random(), hold, "hang-up")).applied())
        .isTrue();
    x.n.manager().block(old);
    assertThat(reason(x.h.merge(x.holder, fresh, ref()))).isEqualTo(DenialReason.BLOCKED);
    assertThat(x.balance(old)).isEqualTo(500);
    assertThat(x.balance(fresh)).isEqualTo(10);
  }

  /**
   * The expiry rule: merged value takes the expiry of the ID it is merged into; an old ID that has
   * expired is not merged (its value expired with it).
   */
  @Test
  default void mergedValueTakesTheSurvivorsExpiry() {
    HolderFixture x = HolderFixture.linked(tck());
    NetworkFixture n = x.n;
    Instant start = LedgerStoreContract.START;
    IdNumber old = expiring(n, 400, start.plus(Duration.ofDays(10)));
    IdNumber expired = expiring(n, 300, start.plus(Duration.ofDays(1)));
    x.link(old);
    x.link(expired);
    tck().clock().set(start.plus(Duration.ofDays(2)));
    IdNumber fresh = expiring(n, 100, start.plus(Duration.ofDays(30)));

    assertThat(x.h.merge(x.holder, fresh, ref()))
        .isEqualTo(new Merged(eur(400), 1, eur(500), false));
    assertThat(x.balance(expired)).isEqualTo(300);
    tck().clock().set(start.plus(Duration.ofDays(20)));
    assertThat(x.spend(fresh, 450, ref())).isInstanceOf(Permit.class);
    tck().clock().set(start.plus(Duration.ofDays(31)));
    assertThat(reason(x.spend(fresh, 10, ref()))).isEqualTo(DenialReason.EXPIRED);
  }

  /** A merge with value in an old ID's envelopes is refused: the value would lose its service. */
  @Test
  default void mergeRefusedWhileValueIsAllocated() {
    HolderFixture x = HolderFixture.linked(tck(), 500);
    IdNumber old = x.id(0);
    x.n.manager().selector().select(old, Map.of(x.n.web(), eur(100)), x.n.ref("split"));

    assertThat(reason(x.h.merge(x.holder, x.n.active(10), ref())))
        .isEqualTo(DenialReason.ALLOCATED);
    assertThat(x.balance(old)).isEqualTo(400);
  }
}

package dev.idsettle.tck;

import static dev.idsettle.tck.NetworkFixture.eur;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.roles.Activated;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.AuthorizationResult;
import dev.idsettle.roles.Denial;
import dev.idsettle.roles.DenialReason;
import dev.idsettle.roles.HolderResult;
import dev.idsettle.roles.Holders;
import dev.idsettle.roles.Linked;
import dev.idsettle.roles.Merged;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.PublicReason;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Holders: linked and merged IDs (claims 8, 9), through {@link Holders} over the store. Part of
 * {@link LedgerStoreContract}, so every store proves it.
 */
public interface HolderContract extends ContractTest {

  /** A holder of this test only. */
  private static String holder() {
    return "customer-" + UUID.randomUUID();
  }

  private static String ref() {
    return UUID.randomUUID().toString();
  }

  /** A new ID activated with {@code minor} that expires at {@code at}. */
  private static IdNumber expiring(NetworkFixture n, long minor, Instant at) {
    IdNumber id = n.issued(ExpiryPolicy.at(at));
    assertThat(n.settle().terminal(n.till()).activate(id, eur(minor), ref()))
        .isInstanceOf(Activated.class);
    return id;
  }

  private static long balance(NetworkFixture n, IdNumber id) {
    return n.settle().account(id).orElseThrow().posted();
  }

  private static AuthorizationResult spend(
      Holders h, NetworkFixture n, IdNumber id, long minor, String reference) {
    return h.authenticator(n.phone())
        .authorize(new AuthorizationRequest(id, eur(minor), "kiosk", reference));
  }

  private static void link(Holders h, String holder, IdNumber... ids) {
    for (IdNumber id : ids) {
      assertThat(h.link(holder, id, ref())).isInstanceOf(Linked.class);
    }
  }

  private static DenialReason reason(Object result) {
    assertThat(result).isInstanceOf(Denial.class);
    return ((Denial) result).reason();
  }

  /** One request draws from several IDs, the soonest expiry first, then the smallest balance. */
  @Test
  default void linkedSpendDrawsSoonestExpiryFirstThenSmallestBalance() {
    NetworkFixture n = new NetworkFixture(tck());
    Holders h = Holders.over(n.manager());
    IdNumber big = n.active(500);
    IdNumber expiring = expiring(n, 300, LedgerStoreContract.START.plus(Duration.ofDays(10)));
    IdNumber small = n.active(200);
    link(h, holder(), big, expiring, small);

    AuthorizationResult r = spend(h, n, big, 600, ref());

    assertThat(r)
        .isInstanceOfSatisfying(Permit.class, p -> assertThat(p.balance()).isEqualTo(eur(400)));
    assertThat(balance(n, expiring)).isZero();
    assertThat(balance(n, small)).isZero();
    assertThat(balance(n, big)).isEqualTo(400);
    assertThat(n.settle().revenue(n.phone())).isEqualTo(eur(600));
  }

  /** Never more than the sum of the linked balances; a refused request moves nothing. */
  @Test
  default void linkedSpendNeverExceedsTheSum() {
    NetworkFixture n = new NetworkFixture(tck());
    Holders h = Holders.over(n.manager());
    IdNumber a = n.active(300);
    IdNumber b = n.active(200);
    link(h, holder(), a, b);
    String reference = ref();

    Denial d = (Denial) spend(h, n, b, 501, reference);
    AuthorizationResult again = spend(h, n, b, 501, reference);

    assertThat(d.reason()).isEqualTo(DenialReason.INSUFFICIENT_BALANCE);
    assertThat(d.balance()).isEqualTo(eur(500));
    assertThat(again).isInstanceOfSatisfying(Denial.class, x -> assertThat(x.replayed()).isTrue());
    assertThat(balance(n, a) + balance(n, b)).isEqualTo(500);
    assertThat(spend(h, n, b, 500, ref())).isInstanceOf(Permit.class);
    assertThat(balance(n, a) + balance(n, b)).isZero();
  }

  /**
   * The same reference replays a linked spend (even once the plan would differ); other content is
   * refused.
   */
  @Test
  default void linkedSpendIsIdempotent() {
    NetworkFixture n = new NetworkFixture(tck());
    Holders h = Holders.over(n.manager());
    IdNumber a = n.active(300);
    IdNumber b = n.active(200);
    link(h, holder(), a, b);
    String reference = ref();

    Permit first = (Permit) spend(h, n, a, 400, reference);
    AuthorizationResult replay = spend(h, n, a, 400, reference);
    AuthorizationResult other = spend(h, n, a, 50, reference);

    assertThat(replay)
        .isInstanceOfSatisfying(
            Permit.class,
            p -> {
              assertThat(p.replayed()).isTrue();
              assertThat(p.transferId()).isEqualTo(first.transferId());
            });
    assertThat(reason(other)).isEqualTo(DenialReason.DUPLICATE_REFERENCE);
    assertThat(balance(n, a) + balance(n, b)).isEqualTo(100);
  }

  /**
   * Refusals (claim 7) hold for linked IDs: a blocked ID presented gets nothing from the others.
   */
  @Test
  default void aBlockedLinkedIdIsRefusedAndGivesNothing() {
    NetworkFixture n = new NetworkFixture(tck());
    Holders h = Holders.over(n.manager());
    IdNumber a = n.active(300);
    IdNumber b = n.active(200);
    IdNumber unsold = n.issued();
    link(h, holder(), a, b, unsold);
    n.manager().block(b);

    assertThat(reason(spend(h, n, b, 10, ref()))).isEqualTo(DenialReason.BLOCKED);
    // an unsold ID is answered like an ID never issued (the guessing defence)
    assertThat(reason(spend(h, n, unsold, 10, ref()))).isEqualTo(DenialReason.UNKNOWN_ID);
    Denial tooMuch = (Denial) spend(h, n, a, 301, ref());
    assertThat(tooMuch.balance()).isEqualTo(eur(300));
    assertThat(balance(n, b)).isEqualTo(200);
  }

  /** The low-balance warning (claim 11) fires once, on what all the holder's IDs can still give. */
  @Test
  default void lowBalanceWarningIsOnTheLinkedSum() {
    NetworkFixture n = new NetworkFixture(tck());
    Holders h = Holders.over(n.manager());
    IdNumber a = n.active(200);
    IdNumber b = n.active(200);
    link(h, holder(), a, b);

    Permit above = (Permit) spend(h, n, a, 50, ref());
    Permit crossing = (Permit) spend(h, n, a, 100, ref());
    Permit below = (Permit) spend(h, n, a, 10, ref());

    assertThat(above.lowBalance()).isFalse();
    assertThat(crossing.lowBalance()).isTrue();
    assertThat(crossing.balance()).isEqualTo(eur(250));
    assertThat(below.lowBalance()).isTrue();
    assertThat(n.events()).hasSize(1);
    assertThat(n.events().get(0).balance()).isEqualTo(eur(250));
  }

  /** An ID without a holder is judged by the linked device exactly as by the plain one. */
  @Test
  default void anIdWithoutHolderSpendsAlone() {
    NetworkFixture n = new NetworkFixture(tck());
    Holders h = Holders.over(n.manager());
    IdNumber a = n.active(100);

    assertThat(reason(spend(h, n, a, 101, ref()))).isEqualTo(DenialReason.INSUFFICIENT_BALANCE);
    assertThat(spend(h, n, a, 100, ref())).isInstanceOf(Permit.class);
  }

  /** Links are idempotent by reference; an ID belongs to one holder; closed IDs are not linked. */
  @Test
  default void linkRefusals() {
    NetworkFixture n = new NetworkFixture(tck());
    Holders h = Holders.over(n.manager());
    String holder = holder();
    IdNumber a = n.active(100);
    IdNumber b = n.active(100);
    IdNumber blocked = n.active(100);
    n.manager().block(blocked);
    String reference = ref();

    assertThat(h.link(holder, a, reference)).isEqualTo(new Linked(1, false));
    assertThat(h.link(holder, a, reference)).isEqualTo(new Linked(1, true));
    assertThat(reason(h.link(holder, b, reference))).isEqualTo(DenialReason.DUPLICATE_REFERENCE);
    assertThat(h.link(holder, b, ref())).isEqualTo(new Linked(2, false));
    assertThat(reason(h.link(holder(), b, ref()))).isEqualTo(DenialReason.OTHER_HOLDER);
    assertThat(reason(h.link(holder, blocked, ref()))).isEqualTo(DenialReason.BLOCKED);
    assertThat(h.link(holder, n.issued(), ref())).isEqualTo(new Linked(3, false));
  }

  /**
   * A merge moves the old balance to the new ID in one step; the old ID ends merged and says so
   * when presented; the same reference replays, other content is refused.
   */
  @Test
  default void mergeMovesTheBalanceAndClosesTheOldId() {
    NetworkFixture n = new NetworkFixture(tck());
    Holders h = Holders.over(n.manager());
    String holder = holder();
    IdNumber old = n.active(700);
    link(h, holder, old);
    n.spend(n.phone(), old, 100);
    IdNumber fresh = n.active(50);
    String reference = ref();

    HolderResult r = h.merge(holder, fresh, reference);

    assertThat(r).isEqualTo(new Merged(eur(600), 1, eur(650), false));
    assertThat(h.merge(holder, fresh, reference))
        .isEqualTo(new Merged(eur(600), 1, eur(650), true));
    assertThat(reason(h.merge(holder, old, reference))).isEqualTo(DenialReason.DUPLICATE_REFERENCE);
    assertThat(n.settle().account(old).orElseThrow().state()).isEqualTo(AccountState.MERGED);
    assertThat(balance(n, old)).isZero();
    Denial presented = (Denial) spend(h, n, old, 10, ref());
    assertThat(presented.reason()).isEqualTo(DenialReason.MERGED);
    assertThat(presented.publicReason()).isEqualTo(PublicReason.NOT_USABLE);
    assertThat(reason(n.spend(n.phone(), old, 10))).isEqualTo(DenialReason.MERGED);
    assertThat(spend(h, n, fresh, 650, ref())).isInstanceOf(Permit.class);
  }

  /** A merge is refused while the old ID has open holds or is blocked, and changes nothing. */
  @Test
  default void mergeRefusedWhileHoldsAreOpenOrTheOldIdIsBlocked() {
    NetworkFixture n = new NetworkFixture(tck());
    Holders h = Holders.over(n.manager());
    String holder = holder();
    IdNumber old = n.active(500);
    link(h, holder, old);
    dev.idsettle.ledger.AccountId account = n.settle().account(old).orElseThrow().id();
    TransferId hold = TransferId.random();
    assertThat(
            tck()
                .submit(
                    LedgerCommand.hold(
                        hold, account, tck().revenue(), 100, Duration.ofMinutes(5), "call"))
                .applied())
        .isTrue();
    IdNumber fresh = n.active(10);

    assertThat(reason(h.merge(holder, fresh, ref()))).isEqualTo(DenialReason.OPEN_HOLDS);
    assertThat(tck().submit(LedgerCommand.voidHold(TransferId.random(), hold, "hang-up")).applied())
        .isTrue();
    n.manager().block(old);
    assertThat(reason(h.merge(holder, fresh, ref()))).isEqualTo(DenialReason.BLOCKED);
    assertThat(balance(n, old)).isEqualTo(500);
    assertThat(balance(n, fresh)).isEqualTo(10);
  }

  /**
   * The expiry rule: merged value takes the expiry of the ID it is merged into; an old ID that has
   * expired is not merged (its value expired with it).
   */
  @Test
  default void mergedValueTakesTheSurvivorsExpiry() {
    NetworkFixture n = new NetworkFixture(tck());
    Holders h = Holders.over(n.manager());
    Instant start = LedgerStoreContract.START;
    String holder = holder();
    IdNumber old = expiring(n, 400, start.plus(Duration.ofDays(10)));
    IdNumber expired = expiring(n, 300, start.plus(Duration.ofDays(1)));
    link(h, holder, old, expired);
    tck().clock().set(start.plus(Duration.ofDays(2)));
    IdNumber fresh = expiring(n, 100, start.plus(Duration.ofDays(30)));

    assertThat(h.merge(holder, fresh, ref())).isEqualTo(new Merged(eur(400), 1, eur(500), false));
    assertThat(balance(n, expired)).isEqualTo(300);
    tck().clock().set(start.plus(Duration.ofDays(20)));
    assertThat(spend(h, n, fresh, 450, ref())).isInstanceOf(Permit.class);
    tck().clock().set(start.plus(Duration.ofDays(31)));
    assertThat(reason(spend(h, n, fresh, 10, ref()))).isEqualTo(DenialReason.EXPIRED);
  }

  /** A merge with value in an old ID's envelopes is refused: the value would lose its service. */
  @Test
  default void mergeRefusedWhileValueIsAllocated() {
    NetworkFixture n = new NetworkFixture(tck());
    Holders h = Holders.over(n.manager());
    String holder = holder();
    IdNumber old = n.active(500);
    link(h, holder, old);
    n.manager().selector().select(old, Map.of(n.web(), eur(100)), n.ref("split"));

    assertThat(reason(h.merge(holder, n.active(10), ref()))).isEqualTo(DenialReason.ALLOCATED);
    assertThat(balance(n, old)).isEqualTo(400);
  }
}

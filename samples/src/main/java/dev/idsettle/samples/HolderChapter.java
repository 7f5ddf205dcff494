package dev.idsettle.samples;

import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.money.Money;
import dev.idsettle.roles.Activated;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.Denial;
import dev.idsettle.roles.Holders;
import dev.idsettle.roles.Linked;
import dev.idsettle.roles.Merged;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.SettlementAuthenticator;
import dev.idsettle.roles.SettlementTerminal;
import java.util.List;

/**
 * Chapter 5: a holder buys a second ID. It is linked to the first (claim 8), so one request spends
 * across both, smallest balance first; then the holder merges them (claim 9): the first ID's value
 * moves into the second in one step, and the first is refused from then on.
 */
final class HolderChapter {
  static final Money FIRST = Story.eur(500);
  static final Money SECOND = Story.eur(800);
  static final Money PURCHASE = Story.eur(300);

  /**
   * What the chapter did.
   *
   * @param linked the second ID's link
   * @param linkedPermit the request that spent across both IDs
   * @param firstAfterSpend the first ID's balance after it
   * @param secondAfterSpend the second ID's balance after it
   * @param merged the merge into the second ID
   * @param mergedIdDenial the answer to the first ID after the merge
   */
  record Holding(
      Linked linked,
      Permit linkedPermit,
      Money firstAfterSpend,
      Money secondAfterSpend,
      Merged merged,
      Denial mergedIdDenial) {}

  private HolderChapter() {}

  static Holding tell(Story s) {
    s.chapter(5, "A second ID of the same holder is linked, then merged");
    Holders holders = Holders.over(s.manager);
    String holder = "customer-" + s.run;
    SettlementTerminal till = s.settle.terminal(StoreChapter.STORE);
    List<IdNumber> ids = s.settle.issuer().issue(2, ExpiryPolicy.never()).ids();
    IdNumber first = ids.get(0);
    IdNumber second = ids.get(1);
    Story.expect(Activated.class, till.activate(first, FIRST, s.ref("holder-sale-1")));
    Story.expect(Activated.class, till.activate(second, SECOND, s.ref("holder-sale-2")));
    Story.expect(Linked.class, holders.link(holder, first, s.ref("link-1")));
    Linked linked = Story.expect(Linked.class, holders.link(holder, second, s.ref("link-2")));
    s.say(
        "The holder has %s (%s) and %s (%s), linked: %d IDs",
        first, FIRST, second, SECOND, linked.ids());
    SettlementAuthenticator web = holders.authenticator(SplitChapter.WEB);
    Permit permit =
        Story.expect(
            Permit.class,
            web.authorize(
                new AuthorizationRequest(second, PURCHASE, "web-shop", s.ref("holder-buy-1"))));
    Money firstLeft = StoreChapter.balanceOf(s, first);
    Money secondLeft = StoreChapter.balanceOf(s, second);
    s.say(
        "The web service charges %s presenting %s: taken from the smaller balance first,"
            + " %s now holds %s and %s holds %s",
        PURCHASE, second, first, firstLeft, second, secondLeft);
    Merged merged = Story.expect(Merged.class, holders.merge(holder, second, s.ref("merge-1")));
    s.say(
        "Merged into %s: %s moved from %d ID, which now holds %s",
        second, merged.moved(), merged.merged(), merged.balance());
    Denial old =
        Story.expect(
            Denial.class,
            web.authorize(
                new AuthorizationRequest(
                    first, Story.eur(100), "web-shop", s.ref("holder-buy-2"))));
    s.show("the merged ID " + first, old);
    return new Holding(linked, permit, firstLeft, secondLeft, merged, old);
  }
}

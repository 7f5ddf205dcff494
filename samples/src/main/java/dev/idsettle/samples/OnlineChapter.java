package dev.idsettle.samples;

import dev.idsettle.id.IdNumber;
import dev.idsettle.money.Money;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.Permit;
import dev.idsettle.sales.CheckResult;
import dev.idsettle.sales.Denomination;
import dev.idsettle.sales.PurchaseRequest;
import dev.idsettle.sales.PurchaseResult.Purchased;
import dev.idsettle.sales.SaleRecords;
import dev.idsettle.sales.SalesDesk;
import dev.idsettle.sales.SimulatedBank;
import java.util.Currency;

/**
 * Chapter 6: an ID is bought online (seed 001): the desk checks the buyer with the bank (here the
 * {@link SimulatedBank}, which moves no real money), takes an ID from stock, captures the price and
 * delivers the ID with a check URL protected by the buyer's PIN. The buyer loses the number and
 * gets it back from the check URL; a wrong PIN shows nothing.
 */
final class OnlineChapter {
  static final Money VALUE = Story.eur(1000);
  static final Money SPENT = Story.eur(250);
  static final String MEMBER = "alice";
  static final String PIN = "4321";

  /**
   * What the chapter did.
   *
   * @param purchased the delivered sale
   * @param charged what the bank charged the buyer
   * @param wrongPin the check URL's answer to a wrong PIN
   * @param recovered the ID the check URL showed with the right PIN
   * @param spent the debit made with the recovered ID
   * @param balance the recovered ID's balance at the end
   * @param bank the bank, whose statement the books are reconciled against
   * @param records the desk's sale records
   */
  record Online(
      Purchased purchased,
      Money charged,
      CheckResult wrongPin,
      IdNumber recovered,
      Permit spent,
      Money balance,
      SimulatedBank bank,
      SaleRecords records) {}

  private OnlineChapter() {}

  static Online tell(Story s, SaleRecords records) {
    s.chapter(6, "An ID is bought online, lost, and recovered with its check URL and PIN");
    SimulatedBank bank =
        SimulatedBank.create(Currency.getInstance(Story.CURRENCY), 250)
            .member(MEMBER, MEMBER + "-pw", Story.eur(5000));
    String code = "talk10-" + s.run;
    SalesDesk desk =
        SalesDesk.builder(s.settle, bank, records)
            .deskKey(Story.randomBytes(32))
            .denomination(
                new Denomination(
                    code, Denomination.Kind.TALK_TIME, VALUE, VALUE, "10 euros of talk time"))
            .build();
    desk.stock(code, 1);
    Purchased bought =
        Story.expect(
            Purchased.class,
            desk.purchase(
                new PurchaseRequest(
                    s.ref("order-1"),
                    code,
                    new SimulatedBank.Credential(MEMBER, MEMBER + "-pw"),
                    PIN)));
    Money charged = bank.charged(MEMBER);
    String url = desk.checkUrl(bought.checkToken());
    s.say(
        "%s pays %s at the simulated bank (which keeps 2.5%%): the page shows ID %s, holding %s,",
        MEMBER, charged, bought.id(), bought.value());
    s.say(
        "and its check URL %s... (the PIN is the buyer's own)",
        url.substring(0, Math.min(url.length(), 13)));
    s.say("%s loses the number.", MEMBER);
    CheckResult wrong = desk.check(bought.checkToken(), "1111");
    s.say(
        "The check URL with a wrong PIN says %s",
        wrong instanceof CheckResult.NotShown ? "only \"Not shown\"" : "something else");
    CheckResult.Shown shown =
        Story.expect(CheckResult.Shown.class, desk.check(bought.checkToken(), PIN));
    IdNumber id = shown.id();
    s.say("With the right PIN it shows the ID again: %s", id);
    Permit spent =
        Story.expect(
            Permit.class,
            s.manager
                .authenticator(SplitChapter.PHONE)
                .authorize(new AuthorizationRequest(id, SPENT, "kiosk-9", s.ref("online-call-1"))));
    Money balance = StoreChapter.balanceOf(s, id);
    s.say("%s spends %s on calls with it: %s left", MEMBER, spent.amount(), balance);
    return new Online(bought, charged, wrong, id, spent, balance, bank, records);
  }
}

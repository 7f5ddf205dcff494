package dev.idsettle.samples;

import dev.idsettle.id.IdNumber;
import dev.idsettle.id.IdNumberFormat;
import dev.idsettle.id.IdNumberGenerator;
import dev.idsettle.money.Money;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.AuthorizationResult;
import dev.idsettle.roles.Denial;
import dev.idsettle.roles.LowBalanceEvent;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.SettlementAuthenticator;
import java.util.ArrayList;
import java.util.List;

/**
 * Chapter 4: the phone service debits its envelope through the slip's phone sub-ID, call after
 * call, until the low-balance warning (claim 11) and then the denial (claim 7). The web sub-ID is
 * refused at the phone service as if it had never been issued (the answer does not tell that it
 * exists at another service); a well-formed ID that was never issued and an issued one not yet sold
 * get the same answer, so a guesser learns nothing.
 */
final class SpendChapter {
  static final Money CALL = Story.eur(150);
  static final String KIOSK = "kiosk-7";

  /**
   * What the chapter did.
   *
   * @param permits the phone's permits, in order
   * @param lowBalanceEvents the warnings heard during the calls
   * @param denial the denial that ended the calls
   * @param wrongService the answer to the web sub-ID at the phone service
   * @param unknownId the answer to a well-formed ID never issued
   * @param unsoldId the answer to a slip of the sheet not yet sold
   */
  record Spending(
      List<Permit> permits,
      List<LowBalanceEvent> lowBalanceEvents,
      Denial denial,
      Denial wrongService,
      Denial unknownId,
      Denial unsoldId) {}

  private SpendChapter() {}

  static Spending tell(Story s, SplitChapter.Split split, IdNumber unsold) {
    s.chapter(4, "A service debits until the low-balance warning and the denial");
    SettlementAuthenticator phone = s.manager.authenticator(SplitChapter.PHONE);
    s.say(
        "The phone service takes %s a call from its envelope; it warns below %s",
        CALL, SplitChapter.PHONE_WARNS_BELOW);
    int heard = s.events.size();
    List<Permit> permits = new ArrayList<>();
    AuthorizationResult result = authorize(s, phone, split.phoneSubId(), "call-1");
    while (result instanceof Permit permit) {
      permits.add(permit);
      s.say(
          "call %d permitted: %s left%s",
          permits.size(), permit.balance(), permit.lowBalance() ? "  (low: warn the user)" : "");
      result = authorize(s, phone, split.phoneSubId(), "call-" + (permits.size() + 1));
    }
    List<LowBalanceEvent> events = List.copyOf(s.events.subList(heard, s.events.size()));
    Denial denial = Story.expect(Denial.class, result);
    s.show("call " + (permits.size() + 1), denial);
    Denial wrong =
        Story.expect(Denial.class, authorize(s, phone, split.webSubId(), "call-with-web-sub-id"));
    s.show("the web sub-ID at the phone service (answered as never issued)", wrong);
    IdNumber neverIssued = IdNumberGenerator.secure(IdNumberFormat.DEFAULT).next();
    Denial unknown = Story.expect(Denial.class, authorize(s, phone, neverIssued, "guess-1"));
    s.show("an ID never issued", unknown);
    Denial unsoldAnswer = Story.expect(Denial.class, authorize(s, phone, unsold, "guess-2"));
    s.show("a slip of the sheet not yet sold", unsoldAnswer);
    return new Spending(List.copyOf(permits), events, denial, wrong, unknown, unsoldAnswer);
  }

  private static AuthorizationResult authorize(
      Story s, SettlementAuthenticator service, IdNumber id, String reference) {
    return service.authorize(new AuthorizationRequest(id, CALL, KIOSK, s.ref(reference)));
  }
}

package dev.idsettle.samples;

import dev.idsettle.id.IdNumber;
import dev.idsettle.money.Money;
import dev.idsettle.roles.Selected;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.SubIdIssued;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Chapter 3: the user splits the slip's value between two services (claim 5): each amount moves
 * into an envelope that only its service can spend, all or nothing. Each service then gets its own
 * sub-ID of the slip (claim 4), which the user presents there instead of the slip's number.
 */
final class SplitChapter {
  static final String PHONE = "phone";
  static final String WEB = "web";
  static final Money PHONE_SHARE = Story.eur(700);
  static final Money WEB_SHARE = Story.eur(300);
  static final Money PHONE_WARNS_BELOW = Story.eur(300);
  static final Money WEB_WARNS_BELOW = Story.eur(100);

  /**
   * What the chapter did.
   *
   * @param split the envelopes after the split
   * @param phoneSubId the slip's sub-ID at the phone service
   * @param webSubId the slip's sub-ID at the web service
   */
  record Split(Selected split, IdNumber phoneSubId, IdNumber webSubId) {}

  private SplitChapter() {}

  static Split tell(Story s, IdNumber slip) {
    s.chapter(3, "The user splits the slip between two services");
    s.manager.register(new Service(PHONE, PHONE_WARNS_BELOW));
    s.manager.register(new Service(WEB, WEB_WARNS_BELOW));
    Map<String, Money> amounts = new LinkedHashMap<>();
    amounts.put(PHONE, PHONE_SHARE);
    amounts.put(WEB, WEB_SHARE);
    Selected split =
        Story.expect(Selected.class, s.manager.selector().select(slip, amounts, s.ref("split-1")));
    s.say(
        "%s to %s, %s to %s: envelopes %s=%s, %s=%s, left on the slip itself %s",
        PHONE_SHARE,
        PHONE,
        WEB_SHARE,
        WEB,
        PHONE,
        split.envelopes().getOrDefault(PHONE, Story.eur(0)),
        WEB,
        split.envelopes().getOrDefault(WEB, Story.eur(0)),
        split.unallocated());
    IdNumber phone = subId(s, slip, PHONE);
    IdNumber web = subId(s, slip, WEB);
    return new Split(split, phone, web);
  }

  private static IdNumber subId(Story s, IdNumber slip, String service) {
    SubIdIssued issued =
        Story.expect(SubIdIssued.class, s.manager.subId(slip, service, "user-app"));
    s.say(
        "sub-ID for %s: %s (%d digits, works at %s only)",
        service, issued.subId(), issued.subId().length(), issued.service());
    return issued.subId();
  }
}

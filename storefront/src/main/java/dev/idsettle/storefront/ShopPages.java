package dev.idsettle.storefront;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.catalog.Catalogue;
import dev.idsettle.catalog.CheckInResult;
import dev.idsettle.catalog.Interrupted;
import dev.idsettle.catalog.Item;
import dev.idsettle.catalog.PurchaseResult;
import dev.idsettle.catalog.TicketCode;
import dev.idsettle.id.IdNumber;
import dev.idsettle.id.MalformedIdException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * The shop ({@code /shop}: goods and tickets paid from an ID's balance) and the venue's ticket
 * check-in ({@code /checkin}). Each form carries a random key of its own, bound to the session: a
 * form sent twice (a reload, a retry after an error) is the same purchase or the same scan, never a
 * second one.
 */
final class ShopPages {
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{22,64}");
  private final Catalogue catalogue;
  private final DateTimeFormatter times;

  ShopPages(Catalogue catalogue, ZoneId zone) {
    this.catalogue = catalogue;
    this.times = DateTimeFormatter.ofPattern("d MMM uuuu 'at' HH:mm:ss z").withZone(zone);
  }

  Reply shopForm(Chrome c) {
    return shopForm(c, 200, "", "", Csrf.random(16));
  }

  private Reply shopForm(Chrome c, int status, String problem, String chosen, String formKey) {
    Html h = new Html();
    h.el("p", "lead", "Pay with the balance of your ID.");
    SalePages.problem(h, problem);
    h.form("/shop", c.csrf()).hidden("key", formKey).tag("<fieldset><legend>Item</legend>");
    boolean first = chosen.isEmpty();
    for (Item i : catalogue.items()) {
      boolean checked = first || i.id().equals(chosen);
      first = false;
      h.tag("<label class=\"choice\"><input type=\"radio\" name=\"item\" value=\"")
          .text(i.id())
          .tag(checked ? "\" checked>" : "\">")
          .el("span", "what", i.name())
          .el("span", "price", i.price().toString())
          .el("span", "left", i.ticket() ? "ticket" : "goods")
          .tag("</label>");
    }
    h.tag("</fieldset>")
        .input(
            "Your ID number",
            "id",
            "text",
            "",
            "required inputmode=\"numeric\" maxlength=\"40\" autocomplete=\"off\"")
        .end("Buy");
    return c.page(status, "Shop", h);
  }

  Reply buy(Request r, Chrome c) {
    String formKey = r.field("key");
    String item = r.field("item");
    if (!KEY.matcher(formKey).matches()) {
      return shopForm(c, 400, "This form is incomplete: please fill it in again.", "", "");
    }
    if (catalogue.item(item).isEmpty()) {
      return shopForm(c, 400, "Choose one of the items.", "", formKey);
    }
    IdNumber id;
    try {
      id = IdNumber.parse(r.field("id"));
    } catch (MalformedIdException e) {
      return shopForm(c, 400, "That is not an ID number: check its 16 digits.", item, formKey);
    }
    PurchaseResult result = catalogue.buy(id, item, c.reference("shop-", formKey));
    Html h = new Html();
    if (result instanceof PurchaseResult.Bought b) {
      TicketCode ticket = b.ticket();
      h.el("p", "good", "Bought: " + b.item().name() + " for " + b.item().price() + ".");
      if (ticket != null) {
        h.el("p", "label", "Your ticket code")
            .el("p", "id", ticket.formatted())
            .el("p", "", "Show it at the entrance: it lets one person in, once.");
      }
      h.el("p", "", "Left on your ID: " + b.balance() + ".");
      return c.page(200, ticket != null ? "Your ticket" : "Bought", h);
    } else if (result instanceof PurchaseResult.Declined d) {
      h.el("p", "bad", "Not bought: " + d.denial().publicReason().message())
          .tag("<p>")
          .link("/shop", "Back to the shop")
          .tag("</p>");
      return c.page(402, "Not bought", h);
    } else if (result instanceof PurchaseResult.NotDelivered n) {
      h.el(
          "p",
          "bad",
          "It could not be delivered ("
              + n.reason()
              + "); "
              + n.returned()
              + " went back to your ID.");
      return c.page(502, "Not delivered", h);
    }
    return shopForm(
        c, 503, "The shop did not answer in time. Nothing is lost: buy again.", item, formKey);
  }

  Reply checkInForm(Chrome c) {
    return checkInForm(c, 200, new Html(), "", "Main gate");
  }

  private Reply checkInForm(Chrome c, int status, Html result, String item, String venue) {
    return checkInForm(c, status, result, item, venue, Csrf.random(16));
  }

  private Reply checkInForm(
      Chrome c, int status, Html result, String item, String venue, String nonce) {
    Html h = new Html();
    h.tag(result.toString());
    h.form("/checkin", c.csrf())
        .hidden("nonce", nonce)
        .tag("<label for=\"item\">Event</label><select id=\"item\" name=\"item\">");
    for (Item i : catalogue.items()) {
      if (i.ticket()) {
        h.tag("<option value=\"")
            .text(i.id())
            .tag(i.id().equals(item) ? "\" selected>" : "\">")
            .text(i.name())
            .tag("</option>");
      }
    }
    h.tag("</select>")
        .input("Venue", "venue", "text", venue, "required maxlength=\"55\"")
        .input("Ticket code", "code", "text", "", "required maxlength=\"60\" autocomplete=\"off\"")
        .end("Check in");
    return c.page(status, "Ticket check-in", h);
  }

  Reply checkIn(Request r, Chrome c) {
    String item = r.field("item");
    String venue = r.field("venue");
    String nonce = r.field("nonce");
    Html result = new Html();
    if (!KEY.matcher(nonce).matches()) {
      result.el("p", "bad", "This form is incomplete: please scan again.");
      return checkInForm(c, 400, result, item, venue);
    }
    if (catalogue.item(item).filter(Item::ticket).isEmpty()) {
      result.el("p", "bad", "Choose the event.");
      return checkInForm(c, 400, result, "", venue);
    }
    if (venue.isEmpty()
        || venue.length() > Catalogue.MAX_VENUE
        || venue.chars().anyMatch(ch -> ch < 0x20)) {
      result.el("p", "bad", "Name the venue: 1 to " + Catalogue.MAX_VENUE + " characters.");
      return checkInForm(c, 400, result, item, "");
    }
    CheckInResult answer;
    try {
      answer = catalogue.checkIn(r.field("code"), item, venue, c.reference("scan-", nonce));
    } catch (InvalidRequestException e) {
      result.el("p", "bad", "That is not a ticket code: check the 26 letters and digits.");
      return checkInForm(c, 400, result, item, venue);
    }
    if (answer instanceof CheckInResult.Admitted a) {
      result
          .el("p", "admit", "Admitted: let them in.")
          .el(
              "p",
              "",
              (a.replayed() ? "This scan was already counted, " : "Checked in ")
                  + "at "
                  + a.venue()
                  + ", "
                  + time(a.at())
                  + ".");
      return checkInForm(c, 200, result, item, venue);
    } else if (answer instanceof CheckInResult.AlreadyUsed u) {
      result.el(
          "p", "deny", "Already used at " + u.venue() + " on " + time(u.at()) + ": do not admit.");
      return checkInForm(c, 409, result, item, venue);
    } else if (answer instanceof CheckInResult.NotAdmitted n) {
      result.el("p", "deny", notAdmitted(n.reason()));
      return checkInForm(c, 403, result, item, venue);
    }
    Interrupted i = (Interrupted) answer;
    result.el("p", "warn", "No answer (" + i.cause().getClass().getSimpleName() + "): scan again.");
    // the same nonce again: a retry of this scan, never a second use
    return checkInForm(c, 503, result, item, venue, nonce);
  }

  private String time(Instant at) {
    return times.format(at);
  }

  static String notAdmitted(CheckInResult.Reason reason) {
    return switch (reason) {
      case UNKNOWN_TICKET -> "Unknown ticket: do not admit.";
      case WRONG_ITEM -> "This ticket is for another event: do not admit.";
      case REVOKED -> "This ticket was cancelled: do not admit.";
      case EXPIRED -> "This ticket has expired: do not admit.";
    };
  }
}

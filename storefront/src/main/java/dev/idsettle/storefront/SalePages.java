package dev.idsettle.storefront;

import dev.idsettle.sales.CheckResult;
import dev.idsettle.sales.Denomination;
import dev.idsettle.sales.PurchaseRefusal;
import dev.idsettle.sales.PurchaseRequest;
import dev.idsettle.sales.PurchaseResult;
import dev.idsettle.sales.PurchaseResult.PurchasePending;
import dev.idsettle.sales.PurchaseResult.PurchaseRefused;
import dev.idsettle.sales.PurchaseResult.Purchased;
import dev.idsettle.sales.SalesDesk;
import dev.idsettle.sales.SimulatedBank;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Buying an ID ({@code /}, {@code /buy}) and its check URL ({@code /check/TOKEN}): the only pages
 * that show an ID number, each in the answer to a POST, never in an address.
 */
final class SalePages {
  static final String CHECK = "/check/";
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{22,64}");
  private static final Pattern PIN = Pattern.compile("[0-9]{4,12}");
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,200}");

  private final SalesDesk desk;

  SalePages(SalesDesk desk) {
    this.desk = desk;
  }

  /** The buy form: denominations, the bank's member number and password, a PIN to choose. */
  Reply buyForm(Chrome c) {
    return buyForm(c, 200, "", "", Csrf.random(16), "");
  }

  private Reply buyForm(
      Chrome c, int status, String problem, String chosen, String formKey, String member) {
    Html h = new Html();
    h.el("p", "lead", "Choose an ID, pay from your bank account, and choose a PIN.");
    problem(h, problem);
    h.form("/buy", c.csrf()).hidden("key", formKey).tag("<fieldset><legend>ID</legend>");
    boolean first = chosen.isEmpty();
    for (Denomination d : desk.denominations()) {
      int left = desk.available(d.code());
      boolean checked = d.code().equals(chosen) || (first && left > 0);
      first = first && !checked;
      h.tag("<label class=\"choice\"><input type=\"radio\" name=\"denomination\" value=\"")
          .text(d.code())
          .tag(checked ? "\" checked>" : "\">")
          .el("span", "what", d.label())
          .el("span", "price", d.price().toString())
          .el("span", "left", left == 0 ? "sold out" : left + " left")
          .tag("</label>");
    }
    h.tag("</fieldset><fieldset><legend>Your bank</legend>")
        .input("Member number", "member", "text", member, "required maxlength=\"64\"")
        .input("Password", "password", "password", "", "required maxlength=\"128\"")
        .tag("</fieldset><fieldset><legend>A PIN to see your ID again</legend>")
        .input("PIN (4 to 12 digits)", "pin", "password", "", pinAttributes())
        .input("PIN again", "pin2", "password", "", pinAttributes())
        .tag("</fieldset>")
        .end("Pay and get my ID");
    return c.page(status, "Buy an ID", h);
  }

  private static String pinAttributes() {
    return "required inputmode=\"numeric\" pattern=\"[0-9]{4,12}\" maxlength=\"12\"";
  }

  /** Pays and delivers; answers with the ID, a refusal, or a form to try again. */
  Reply buy(Request r, Chrome c) {
    String code = r.field("denomination");
    String member = r.field("member");
    String formKey = r.field("key");
    String pin = r.field("pin");
    Optional<Denomination> d =
        desk.denominations().stream().filter(x -> x.code().equals(code)).findFirst();
    if (!KEY.matcher(formKey).matches()) {
      return buyForm(c, 400, "This form is incomplete: please fill it in again.", "", "", "");
    }
    if (d.isEmpty()) {
      return buyForm(c, 400, "Choose one of the IDs on sale.", "", formKey, member);
    }
    if (member.isEmpty() || member.length() > 64) {
      return buyForm(c, 400, "Enter your member number.", code, formKey, "");
    }
    if (!PIN.matcher(pin).matches()) {
      return buyForm(c, 400, "The PIN must be 4 to 12 digits.", code, formKey, member);
    }
    if (!pin.equals(r.field("pin2"))) {
      return buyForm(
          c, 400, "The two PINs differ: enter the same PIN twice.", code, formKey, member);
    }
    PurchaseResult result =
        desk.purchase(
            new PurchaseRequest(
                c.orderKey(formKey),
                code,
                new SimulatedBank.Credential(member, r.form().getOrDefault("password", "")),
                pin));
    if (result instanceof Purchased p) {
      return bought(r, c, p, d.get());
    } else if (result instanceof PurchaseRefused refused) {
      Html h = new Html();
      h.el("p", "bad", refusal(refused.reason()))
          .tag("<p>")
          .link("/", "Back to the IDs")
          .tag("</p>");
      return c.page(refused.reason() == PurchaseRefusal.KEY_REUSED ? 409 : 402, "Not bought", h);
    }
    PurchasePending pending = (PurchasePending) result;
    Html h = new Html();
    h.el(
            "p",
            "warn",
            "Your payment is not confirmed yet ("
                + pending.state().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + "). Nothing is lost: try again, you will not be charged twice.")
        .form("/buy", c.csrf())
        .hidden("key", formKey)
        .hidden("denomination", code)
        .hidden("member", member)
        .input("Password", "password", "password", "", "required maxlength=\"128\"")
        .input("Your PIN", "pin", "password", "", pinAttributes())
        .input("PIN again", "pin2", "password", "", pinAttributes())
        .end("Try again");
    return c.page(503, "Payment pending", h);
  }

  private Reply bought(Request r, Chrome c, Purchased p, Denomination d) {
    String host = r.header("Host");
    String checkUrl = desk.checkUrl(p.checkToken());
    String shown = host == null || !checkUrl.startsWith("/") ? checkUrl : c.origin(host) + checkUrl;
    Html h = new Html();
    h.el("p", "good", "Paid " + p.price() + ". Your ID holds " + p.value() + ".")
        .el("p", "label", "Your ID number")
        .el("p", "id", p.id().formatted())
        .el("p", "", "Keep this address with your PIN: together they show this ID again.")
        .tag("<p class=\"token\">")
        .link(checkUrl, shown)
        .tag("</p>")
        .tag("<p>");
    if (d.kind() == Denomination.Kind.TALK_TIME) {
      h.text("To call, dial the ").link("/access", "access number of your region").text(".");
    } else {
      h.text("Spend it in the ").link("/shop", "shop").text(".");
    }
    h.tag("</p>");
    return c.page(200, "Your ID", h);
  }

  static String refusal(PurchaseRefusal reason) {
    return switch (reason) {
      case NOT_A_MEMBER -> "The bank does not know this member number and password.";
      case NOT_IN_GOOD_STANDING -> "The bank says this account cannot pay at the moment.";
      case INSUFFICIENT_CREDIT -> "The bank says your credit does not cover the price.";
      case PAYMENT_DECLINED -> "The bank declined the payment.";
      case SOLD_OUT -> "This ID is sold out. Nothing was charged.";
      case DELIVERY_FAILED_REFUNDED -> "The ID could not be delivered; the price was refunded.";
      case ABANDONED -> "This purchase was not finished and was cancelled; nothing was charged.";
      case KEY_REUSED -> "This form was used before for another order: reload the page.";
    };
  }

  /** The check URL: a PIN form for any token that looks like one, unknown or not. */
  Reply check(Request r, Chrome c) {
    String token = r.path().substring(CHECK.length());
    if (!TOKEN.matcher(token).matches()) {
      return Pages.notFound(c);
    }
    if (!r.post()) {
      return pinForm(c, token, 200, "");
    }
    String pin = r.field("pin");
    if (!PIN.matcher(pin).matches()) {
      return pinForm(c, token, 400, "The PIN is 4 to 12 digits.");
    }
    CheckResult result = desk.check(token, pin);
    if (result instanceof CheckResult.Shown shown) {
      Html h = new Html();
      h.el("p", "label", "Your ID number")
          .el("p", "id", shown.id().formatted())
          .el("p", "", "Close this page when you are done: it is not kept by your browser.");
      return c.page(200, "Your ID", h);
    }
    return pinForm(
        c,
        token,
        403,
        "Not shown: the PIN is wrong, or this address is unknown or locked after too many"
            + " wrong PINs. Check the PIN and try again later.");
  }

  private static Reply pinForm(Chrome c, String token, int status, String problem) {
    Html h = new Html();
    h.el("p", "lead", "Enter the PIN you chose when you bought the ID.");
    problem(h, problem);
    h.form(CHECK + token, c.csrf())
        .input("PIN", "pin", "password", "", pinAttributes() + " autofocus")
        .end("Show my ID");
    return c.page(status, "See your ID again", h);
  }

  static void problem(Html h, String problem) {
    if (!problem.isEmpty()) {
      h.el("p", "bad", problem);
    }
  }
}

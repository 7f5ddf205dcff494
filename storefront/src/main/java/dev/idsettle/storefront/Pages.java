package dev.idsettle.storefront;

/** The pages every part shares: not found, refused, failed. */
final class Pages {
  private Pages() {}

  static Reply notFound(Chrome c) {
    Html h = new Html();
    h.el("p", "bad", "There is no such page here.").tag("<p>").link("/", "Buy an ID").tag("</p>");
    return c.page(404, "Not found", h);
  }

  /** A POST without this site's form token, or from another site. */
  static Reply forged(Chrome c) {
    Html h = new Html();
    h.el(
            "p",
            "bad",
            "This form was not accepted: it has expired, or it was not sent from this site."
                + " Nothing was done. Go back, reload the page and try again.")
        .tag("<p>")
        .link("/", "Buy an ID")
        .tag("</p>");
    return c.page(403, "Form refused", h);
  }

  static Reply refused(Chrome c, int status, String why) {
    Html h = new Html();
    h.el("p", "bad", why);
    return c.page(status, "Request refused", h);
  }

  static Reply failed(Chrome c) {
    Html h = new Html();
    h.el("p", "bad", "Something went wrong on our side. Nothing you sent is lost: try again.");
    return c.page(500, "Sorry", h);
  }
}

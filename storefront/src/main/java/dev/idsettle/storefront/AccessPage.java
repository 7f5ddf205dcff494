package dev.idsettle.storefront;

import dev.idsettle.catalog.access.AccessDirectory;
import dev.idsettle.catalog.access.Region;
import java.util.Optional;

/**
 * The access-number page ({@code /access}), one address for every ID: the user picks the region
 * they are in and sees its access numbers and notes. A GET that changes nothing (the choice is in
 * the address, so it can be bookmarked), hence no form token.
 */
final class AccessPage {
  private final AccessDirectory directory;

  AccessPage(AccessDirectory directory) {
    this.directory = directory;
  }

  Reply show(Request r, Chrome c) {
    String code = r.query("region");
    Optional<Region> region = directory.region(code);
    Html h = new Html();
    h.el("p", "lead", "Pick the region you are in to see the number to dial.")
        .tag("<form method=\"get\" action=\"/access\"><label for=\"region\">Region</label>")
        .tag("<select id=\"region\" name=\"region\">");
    for (Region each : directory.regions()) {
      h.tag("<option value=\"")
          .text(each.code())
          .tag(region.isPresent() && region.get().equals(each) ? "\" selected>" : "\">")
          .text(each.name())
          .tag("</option>");
    }
    h.tag("</select><button type=\"submit\">Show the numbers</button></form>");
    int status = 200;
    if (region.isPresent()) {
      Region shown = region.get();
      h.tag("<section class=\"region\">").el("h2", "", shown.name()).tag("<ul class=\"numbers\">");
      for (String n : shown.numbers()) {
        h.tag("<li>").link("tel:" + n.replaceAll("[^0-9+]", ""), n).tag("</li>");
      }
      h.tag("</ul>");
      if (!shown.notes().isEmpty()) {
        h.el("p", "notes", shown.notes());
      }
      h.tag("</section>");
    } else if (code != null) {
      status = 404;
      h.el("p", "bad", "There is no region \"" + shorten(code) + "\": pick one from the list.");
    }
    directory
        .url()
        .ifPresent(u -> h.el("p", "small", "This page is printed on every ID as " + u + "."));
    return c.page(status, "Access numbers", h);
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}

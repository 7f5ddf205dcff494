package dev.idsettle.cli;

import dev.idsettle.cli.Output.Reply;
import dev.idsettle.id.IdNumber;
import dev.idsettle.money.Money;
import dev.idsettle.roles.Activated;
import dev.idsettle.roles.Blocked;
import dev.idsettle.roles.Denial;
import dev.idsettle.roles.Linked;
import dev.idsettle.roles.Merged;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.Reversed;
import dev.idsettle.roles.Selected;
import dev.idsettle.roles.SlipDenial;
import dev.idsettle.roles.SlipUnknown;
import dev.idsettle.roles.SlipsActivated;
import dev.idsettle.roles.Unavailable;
import dev.idsettle.roles.Unknown;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The library's result values as replies: done (0), denied (1), unknown (4), unavailable (3). Every
 * JSON reply has {@code command}, {@code outcome} ({@code done}, {@code denied}, {@code unknown},
 * {@code unavailable}) and {@code id} (masked) where an ID was named.
 */
final class Results {
  private Results() {}

  static Map<String, @Nullable Object> head(String command, String outcome, @Nullable IdNumber id) {
    Map<String, @Nullable Object> j = new LinkedHashMap<>();
    j.put("command", command);
    j.put("outcome", outcome);
    if (id != null) {
      j.put("id", id.masked());
    }
    return j;
  }

  static String name(@Nullable IdNumber id) {
    return id == null ? "" : " " + id.masked();
  }

  /** A done reply of {@code command} with {@code fields} added to the head. */
  static Reply done(
      String command, @Nullable IdNumber id, String text, Map<String, @Nullable Object> fields) {
    Map<String, @Nullable Object> j = head(command, "done", id);
    j.putAll(fields);
    return new Reply(ExitCodes.OK, text, j);
  }

  /** Denial, Unknown, Unavailable, or an internal error for any other value. */
  static Reply failure(String command, @Nullable IdNumber id, Object result) {
    if (result instanceof Denial d) {
      Map<String, @Nullable Object> j = head(command, "denied", id);
      j.put("reason", d.reason().name());
      j.put("publicReason", d.publicReason().name());
      j.put("message", Mask.scrub(d.message()));
      j.put("balance", Output.moneyOrNull(d.balance()));
      j.put("replayed", d.replayed());
      return new Reply(
          ExitCodes.DENIED,
          command
              + name(id)
              + " denied: "
              + d.reason()
              + " ("
              + Mask.scrub(d.message())
              + ")"
              + (d.replayed() ? " [replayed]" : ""),
          j);
    }
    if (result instanceof Unknown u) {
      return unknown(command, id, u.message());
    }
    if (result instanceof SlipUnknown u) {
      return unknown(command, id, u.message());
    }
    if (result instanceof Unavailable u) {
      Map<String, @Nullable Object> j = head(command, "unavailable", id);
      j.put("message", Mask.scrub(u.message()));
      return new Reply(
          ExitCodes.UNAVAILABLE, command + name(id) + ": " + Mask.scrub(u.message()), j);
    }
    throw new IllegalStateException("unexpected result " + result.getClass().getName());
  }

  private static Reply unknown(String command, @Nullable IdNumber id, String message) {
    Map<String, @Nullable Object> j = head(command, "unknown", id);
    j.put("message", Mask.scrub(message));
    return new Reply(ExitCodes.UNKNOWN, command + name(id) + ": " + Mask.scrub(message), j);
  }

  static Reply activation(Object r, IdNumber id) {
    if (r instanceof Activated a) {
      Map<String, @Nullable Object> f = new LinkedHashMap<>();
      f.put("amount", Output.money(a.amount()));
      f.put("balance", Output.money(a.balance()));
      f.put("replayed", a.replayed());
      return done(
          "activate",
          id,
          "activated "
              + id.masked()
              + ": "
              + Output.text(a.amount())
              + ", balance "
              + Output.text(a.balance())
              + replayed(a.replayed()),
          f);
    }
    return failure("activate", id, r);
  }

  static Reply slips(Object r, IdNumber id, String serial) {
    if (r instanceof SlipsActivated a) {
      Map<String, @Nullable Object> f = new LinkedHashMap<>();
      f.put("serial", serial);
      f.put("slips", a.count());
      f.put("amount", Output.money(a.total()));
      f.put("replayed", a.replayed());
      return done(
          "activate",
          id,
          "activated slip "
              + serial
              + " ("
              + id.masked()
              + "): "
              + Output.text(a.total())
              + replayed(a.replayed()),
          f);
    }
    if (r instanceof SlipDenial d) {
      Map<String, @Nullable Object> j = head("activate", "denied", id);
      j.put("serial", serial);
      j.put("reason", d.reason().name());
      j.put("message", Mask.scrub(d.message()));
      return new Reply(
          ExitCodes.DENIED,
          "activate slip "
              + serial
              + " denied: "
              + d.reason()
              + " ("
              + Mask.scrub(d.message())
              + ")",
          j);
    }
    return failure("activate", id, r);
  }

  static Reply authorization(Object r, IdNumber id) {
    if (r instanceof Permit p) {
      Map<String, @Nullable Object> f = new LinkedHashMap<>();
      f.put("amount", Output.money(p.amount()));
      f.put("balance", Output.money(p.balance()));
      f.put("lowBalance", p.lowBalance());
      f.put("replayed", p.replayed());
      return done(
          "authorize",
          id,
          "permitted "
              + id.masked()
              + ": "
              + Output.text(p.amount())
              + ", balance "
              + Output.text(p.balance())
              + (p.lowBalance() ? " (low balance)" : "")
              + replayed(p.replayed()),
          f);
    }
    return failure("authorize", id, r);
  }

  static Reply reversal(Object r, IdNumber id) {
    if (r instanceof Reversed v && v.amount().minor() == 0) {
      // nothing was activated under that reference by that terminal: the library bars the
      // reference (so a late activation cannot arrive) and pays nothing back
      Map<String, @Nullable Object> j = head("refund", "denied", id);
      j.put("reason", "NOTHING_ACTIVATED");
      j.put(
          "message",
          "no activation of this ID under that terminal and reference; it is barred now");
      j.put("balance", null);
      j.put("replayed", v.replayed());
      return new Reply(
          ExitCodes.DENIED,
          "refund "
              + id.masked()
              + " denied: NOTHING_ACTIVATED (no activation of this ID under that terminal and"
              + " reference: nothing paid back; the reference is barred now)",
          j);
    }
    if (r instanceof Reversed v) {
      Map<String, @Nullable Object> f = new LinkedHashMap<>();
      f.put("amount", Output.money(v.amount()));
      f.put("replayed", v.replayed());
      return done(
          "refund",
          id,
          "refunded "
              + id.masked()
              + ": "
              + Output.text(v.amount())
              + " paid back from the till"
              + replayed(v.replayed()),
          f);
    }
    return failure("refund", id, r);
  }

  static Reply selection(Object r, IdNumber id) {
    if (r instanceof Selected s) {
      Map<String, @Nullable Object> f = new LinkedHashMap<>();
      f.put("unallocated", Output.money(s.unallocated()));
      Map<String, Object> env = new TreeMap<>();
      StringBuilder t = new StringBuilder();
      for (Map.Entry<String, Money> e : new TreeMap<>(s.envelopes()).entrySet()) {
        env.put(e.getKey(), Output.money(e.getValue()));
        t.append(", ").append(e.getKey()).append(' ').append(Output.text(e.getValue()));
      }
      f.put("envelopes", env);
      f.put("replayed", s.replayed());
      return done(
          "split",
          id,
          "split "
              + id.masked()
              + ": unallocated "
              + Output.text(s.unallocated())
              + t
              + replayed(s.replayed()),
          f);
    }
    return failure("split", id, r);
  }

  static Reply block(Object r, IdNumber id) {
    if (r instanceof Blocked b) {
      return done(
          "block",
          id,
          b.accounts() == 0
              ? "blocked already: " + id.masked()
              : "blocked " + id.masked() + " (" + b.accounts() + " account(s))",
          Map.of("accounts", b.accounts()));
    }
    return failure("block", id, r);
  }

  static Reply holder(String command, Object r, IdNumber id) {
    if (r instanceof Linked l) {
      Map<String, @Nullable Object> f = new LinkedHashMap<>();
      f.put("ids", l.ids());
      f.put("replayed", l.replayed());
      return done(
          command,
          id,
          "linked "
              + id.masked()
              + ": the holder has "
              + l.ids()
              + " ID(s)"
              + replayed(l.replayed()),
          f);
    }
    if (r instanceof Merged m) {
      Map<String, @Nullable Object> f = new LinkedHashMap<>();
      f.put("moved", Output.money(m.moved()));
      f.put("merged", m.merged());
      f.put("balance", Output.money(m.balance()));
      f.put("replayed", m.replayed());
      return done(
          command,
          id,
          "merged "
              + m.merged()
              + " ID(s) into "
              + id.masked()
              + ": moved "
              + Output.text(m.moved())
              + ", balance "
              + Output.text(m.balance())
              + replayed(m.replayed()),
          f);
    }
    return failure(command, id, r);
  }

  private static String replayed(boolean replayed) {
    return replayed ? " [replayed]" : "";
  }
}

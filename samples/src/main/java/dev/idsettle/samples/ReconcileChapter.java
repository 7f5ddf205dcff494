package dev.idsettle.samples;

import dev.idsettle.operator.Difference;
import dev.idsettle.operator.Reconciler;
import dev.idsettle.operator.Reconciliation;

/**
 * Chapter 9: the operator's {@code reconcile} checks that the books agree: every balance equals its
 * journal and every reserved amount its open holds, value is conserved, the simulated bank's
 * captures match the online sales one for one, and every call record matches its captures. The
 * story ends with where its files are.
 */
final class ReconcileChapter {
  private ReconcileChapter() {}

  static Reconciliation tell(Story s, OnlineChapter.Online online, String database, String pdf) {
    s.chapter(9, "The books reconcile");
    Reconciliation r =
        Reconciler.builder(s.settle).sales(online.bank(), online.records()).build().reconcile();
    s.say(
        "reconcile read %d accounts, %d transfers and %d call records of the whole database,",
        r.accounts(), r.transfers(), r.callRecords());
    s.say("and matched %d gateway charges against %d online orders", r.charges(), r.orders());
    for (Difference d : r.differences()) {
      s.say("DIFFERENCE %s: %s", d.kind(), d.message());
    }
    for (String note : r.notes()) {
      s.say("(%s)", note);
    }
    s.say(
        r.clean()
            ? "No difference: the ledger, the bank and the call records agree."
            : "%d differences: the books do NOT agree.",
        r.differences().size());
    s.out.println();
    s.out.println("The database: " + database);
    s.out.println("The PDF of the sheet: " + pdf);
    return r;
  }
}

package dev.idsettle.metering;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.ledger.TransferId;
import java.util.ArrayList;
import java.util.List;

/**
 * The transfers that collected a session's charge, written compactly in its record: {@code c} and
 * the grant for a capture, {@code x} and the grant for a post beyond the hold, {@code f} for the
 * final capture (under the record's own id); runs of captures fold into ranges ({@code
 * "c1-57,x58,f"}), so a long call's record stays small. The ids derive from the session ({@link
 * SessionIds}).
 */
final class CaptureMarks {
  private final List<String> marks = new ArrayList<>();

  CaptureMarks() {}

  CaptureMarks(CaptureMarks other) {
    marks.addAll(other.marks);
  }

  void capture(long grant) {
    marks.add("c" + grant);
  }

  void excess(long grant) {
    marks.add("x" + grant);
  }

  void last() {
    marks.add("f");
  }

  /** The marks, runs of consecutive captures folded. */
  String encode() {
    StringBuilder b = new StringBuilder();
    int i = 0;
    while (i < marks.size()) {
      String m = marks.get(i);
      int j = i;
      if (m.charAt(0) == 'c') {
        long first = Long.parseLong(m.substring(1));
        while (j + 1 < marks.size() && marks.get(j + 1).equals("c" + (first + j + 1 - i))) {
          j++;
        }
        if (j > i) {
          m = m + "-" + (first + j - i);
        }
      }
      b.append(b.length() == 0 ? "" : ",").append(m);
      i = j + 1;
    }
    return b.toString();
  }

  /** The transfer ids {@code encoded} names. */
  static List<TransferId> decode(String encoded, String service, String sessionId) {
    List<TransferId> ids = new ArrayList<>();
    if (encoded.isEmpty()) {
      return ids;
    }
    for (String m : encoded.split(",", -1)) {
      if (m.equals("f")) {
        ids.add(SessionIds.record(service, sessionId));
        continue;
      }
      try {
        int dash = m.indexOf('-');
        long from = Long.parseLong(m.substring(1, dash < 0 ? m.length() : dash));
        long to = dash < 0 ? from : Long.parseLong(m.substring(dash + 1));
        for (long g = from; g <= to; g++) {
          ids.add(
              m.charAt(0) == 'x'
                  ? SessionIds.excess(service, sessionId, g)
                  : SessionIds.capture(service, sessionId, g));
        }
      } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
        throw new InvalidRequestException("captures: malformed mark \"" + m + "\"");
      }
    }
    return ids;
  }
}

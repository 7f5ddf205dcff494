package dev.idsettle.metering.calls;

import dev.idsettle.metering.Outcome;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A switch that writes down what it was told. */
final class RecordingLine implements LineControl {
  final List<String> events = new CopyOnWriteArrayList<>();

  @Override
  public void connect(String callId, String destination) {
    events.add("connect " + callId);
  }

  @Override
  public void warn(String callId, long secondsLeft) {
    events.add("warn " + callId + " " + secondsLeft);
  }

  @Override
  public void disconnect(String callId, Outcome outcome) {
    events.add("disconnect " + callId + " " + outcome);
  }
}

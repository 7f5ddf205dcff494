package dev.idsettle.node;

/** Starts a node with Micrometer figures if its config asks for them, and only then loads it. */
final class Metrics {
  private static final String PROBE = "io.micrometer.core.instrument.simple.SimpleMeterRegistry";

  private Metrics() {}

  static boolean available() {
    try {
      Class.forName(PROBE, false, Metrics.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  static Node start(NodeConfig config) {
    if (!config.metrics) {
      return Node.start(config);
    }
    MicrometerMetrics metrics = MicrometerMetrics.withSimpleRegistry();
    return Node.start(config, metrics, metrics::text);
  }
}

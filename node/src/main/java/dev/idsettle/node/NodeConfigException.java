package dev.idsettle.node;

import dev.idsettle.InvalidConfigurationException;

/**
 * A config file that cannot be used: the message names the file, the line and the field ({@code
 * node.json:7: listen: must be host:port, such as 127.0.0.1:8080}). Nothing was started.
 */
public final class NodeConfigException extends InvalidConfigurationException {
  private static final long serialVersionUID = 1L;

  NodeConfigException(String message) {
    super(message);
  }

  NodeConfigException(String message, Throwable cause) {
    super(message);
    initCause(cause);
  }
}

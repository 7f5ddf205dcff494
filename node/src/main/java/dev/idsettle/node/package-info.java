/**
 * The roles as processes. {@link dev.idsettle.node.Launcher} starts a settlement manager, an
 * authenticator or a terminal from a JSON config file ({@link dev.idsettle.node.NodeConfig}), with
 * health and readiness endpoints and a graceful shutdown on SIGTERM; {@link dev.idsettle.node.Node}
 * does the same inside a JVM of yours. {@link dev.idsettle.node.MicrometerMetrics} is the optional
 * Micrometer binding; {@link dev.idsettle.node.NetworkStory} runs the claim 1 to 5 story across
 * four processes.
 */
@NullMarked
package dev.idsettle.node;

import org.jspecify.annotations.NullMarked;

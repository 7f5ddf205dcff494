/**
 * JMH benchmarks of idsettle, each against a baseline measured in the same run, and a heap probe.
 * Run {@code benchmarks/run.sh} or see the module's {@code README} section in the project README.
 */
@NullMarked
package dev.idsettle.bench;

import org.jspecify.annotations.NullMarked;

/**
 * Runnable walkthroughs of idsettle: start with {@link dev.idsettle.samples.ClaimOneWalkthrough}.
 */
@NullMarked
package dev.idsettle.samples;

import org.jspecify.annotations.NullMarked;

/**
 * Runnable walkthroughs of idsettle: start with {@link dev.idsettle.samples.Demo}, the whole story.
 */
@NullMarked
package dev.idsettle.samples;

import org.jspecify.annotations.NullMarked;

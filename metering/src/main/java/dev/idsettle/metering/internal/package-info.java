@NullMarked
package dev.idsettle.metering.internal;

import org.jspecify.annotations.NullMarked;

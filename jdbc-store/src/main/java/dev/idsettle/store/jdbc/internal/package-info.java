/** The SQL of the JDBC store: dialects, row mapping, error translation. Not for users. */
@NullMarked
package dev.idsettle.store.jdbc.internal;

import org.jspecify.annotations.NullMarked;

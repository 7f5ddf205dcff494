/** Internals of the HTTP transport: request signing and its checks. Not API. */
@NullMarked
package dev.idsettle.http.internal;

import org.jspecify.annotations.NullMarked;

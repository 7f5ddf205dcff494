/**
 * The roles over the wire. A {@link dev.idsettle.http.ManagerEndpoint} answers the messages of
 * {@link dev.idsettle.http.message} with a settlement manager's roles, for an authenticated {@link
 * dev.idsettle.http.Party}; a {@link dev.idsettle.http.Transport} carries them, in process ({@link
 * dev.idsettle.http.InProcessTransport}) or over signed HTTP ({@link
 * dev.idsettle.http.HttpManagerServer}, {@link dev.idsettle.http.HttpTransport}); a {@link
 * dev.idsettle.http.ManagerClient} gives the caller the roles' own interfaces back.
 */
@NullMarked
package dev.idsettle.http;

import org.jspecify.annotations.NullMarked;

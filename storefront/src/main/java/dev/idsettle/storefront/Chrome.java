package dev.idsettle.storefront;

/**
 * What the pages of one request share: the session and its form token, the footer, whether the site
 * is served over HTTPS.
 */
final class Chrome {
  private final Csrf csrf;
  private final String session;
  private final String footer;
  private final boolean secure;

  Chrome(Csrf csrf, String session, String footer, boolean secure) {
    this.csrf = csrf;
    this.session = session;
    this.footer = footer;
    this.secure = secure;
  }

  /** The form token of the session. */
  String csrf() {
    return csrf.token(session);
  }

  /** The desk's idempotency key for the form key {@code formKey} of this session. */
  String orderKey(String formKey) {
    return csrf.orderKey(session, formKey);
  }

  /** A key for a catalogue reference or a check-in nonce, bound to this session. */
  String reference(String prefix, String formKey) {
    return prefix + csrf.orderKey(session, formKey).substring("web-".length());
  }

  /** This site's origin, as the browser names it, for {@code host} (the Host header). */
  String origin(String host) {
    return (secure ? "https://" : "http://") + host;
  }

  Reply page(int status, String title, Html body) {
    return Reply.page(status, Html.page(title, body, footer));
  }
}

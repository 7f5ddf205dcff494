package dev.idsettle.sales;

/**
 * What a buyer presents to prove to a {@link PaymentGateway} that they are its member. The desk
 * never looks inside and never stores it: each gateway defines its own shape (a member number and
 * password, a card token, a signed assertion from the buyer's bank) by implementing this interface.
 * Implementations must keep secrets out of {@code toString}.
 */
public interface BuyerCredential {
  /**
   * Who the buyer claims to be, without any secret (a member number, an account alias): the desk
   * uses it to tell a retried purchase from another buyer's order under the same key. At most 200
   * characters.
   */
  String subject();
}

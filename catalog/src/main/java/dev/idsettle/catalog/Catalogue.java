package dev.idsettle.catalog;

import dev.idsettle.InvalidConfigurationException;
import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.AuthorizationResult;
import dev.idsettle.roles.Denial;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.SettlementAuthenticator;
import dev.idsettle.roles.Unavailable;
import dev.idsettle.roles.Unknown;
import dev.idsettle.spi.StoreException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A shop's catalogue of goods and tickets, paid from an ID's balance (claims 11 and 12).
 *
 * <p>{@link #buy} debits the ID through the shop's {@link SettlementAuthenticator} (so every rule
 * of a service debit holds: the ID must be active, the balance must cover the price, a denial tells
 * an untrusted buyer no more than {@code Denial.publicReason()}), then hands the item to the {@link
 * Delivery}. A failed delivery gives the value back to the ID once; a purchase is idempotent by the
 * caller's reference. A ticket's code is 128 bits derived from the reference under the catalogue
 * key (a retry gets the same code; the store keeps only its keyed hash); {@link #checkIn} uses it
 * exactly once. Thread-safe; its state is all in the ledger, so a catalogue over the same store and
 * key may be built again after a restart, or in several processes.
 */
public final class Catalogue {
  /** The longest order reference. */
  public static final int MAX_REFERENCE = 120;

  /** The longest venue name. */
  public static final int MAX_VENUE = 55;

  /** The longest check-in nonce. */
  public static final int MAX_NONCE = 100;

  /** The terminal name the catalogue gives the authenticator for its debits. */
  public static final String TERMINAL = "catalogue";

  private final SettlementAuthenticator shop;
  private final Map<String, Item> items;
  private final List<Item> ordered;
  private final Currency currency;
  private final Purchases purchases;
  private final Refunds refunds;
  private final CheckIns checkIns;

  private Catalogue(Builder b, Currency currency) {
    this.shop = b.shop;
    this.items = Map.copyOf(b.items);
    this.currency = currency;
    Orders orders = new Orders(shop.service().name(), b.key, b.ledger);
    this.purchases = new Purchases(orders, Text.required(b.delivery, "delivery"));
    this.refunds = new Refunds(orders, currency);
    this.checkIns = new CheckIns(orders);
    this.ordered = List.copyOf(b.items.values());
  }

  /**
   * A builder over {@code ledger} (the one the authenticator debits: {@code IdSettle.ledger()}) and
   * the shop's authenticator ({@code IdSettle.authenticator(service)}).
   */
  public static Builder builder(Ledger ledger, SettlementAuthenticator shop) {
    return new Builder(ledger, shop);
  }

  /** The items, in the order added. */
  public List<Item> items() {
    return ordered;
  }

  /** The item with this id. */
  public Optional<Item> item(@Nullable String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(items.get(id));
  }

  /** The currency of every price. */
  public Currency currency() {
    return currency;
  }

  /**
   * Buys {@code item} with {@code id}'s balance, and delivers it. Retried with the same reference,
   * it answers as the first complete attempt did and never debits or delivers twice (the delivery
   * may be asked again for the same reference, see {@link Delivery}).
   *
   * @param reference the caller's order reference: unique per catalogue, 1 to {@value
   *     #MAX_REFERENCE} characters without control characters
   * @throws UnknownItemException if there is no such item
   * @throws dev.idsettle.InvalidRequestException for a null or malformed argument, or a reference
   *     used before for another item
   */
  public PurchaseResult buy(IdNumber id, String item, String reference) {
    Text.required(id, "id");
    Text.check(reference, "reference", MAX_REFERENCE);
    Item it = items.get(Text.required(item, "item"));
    if (it == null) {
      throw new UnknownItemException(item);
    }
    AuthorizationResult paid =
        shop.authorize(new AuthorizationRequest(id, it.price(), TERMINAL, reference));
    if (paid instanceof Denial d) {
      return new PurchaseResult.Declined(d);
    } else if (paid instanceof Unknown u) {
      return new Interrupted(u.message(), u.cause());
    } else if (paid instanceof Unavailable u) {
      return new Interrupted(u.message(), u.cause());
    }
    try {
      return purchases.afterPayment((Permit) paid, it, reference);
    } catch (StoreException e) {
      return Interrupted.of(e);
    }
  }

  /**
   * Refunds an order: its value goes back to the ID that paid, once. A ticket is revoked by it
   * (refused once used or expired).
   */
  public RefundResult refund(String reference) {
    Text.check(reference, "reference", MAX_REFERENCE);
    try {
      return refunds.refund(reference);
    } catch (StoreException e) {
      return Interrupted.of(e);
    }
  }

  /**
   * Revokes a ticket without refund (its value stays with the shop): it can no longer be checked
   * in. Refused for goods, and for a ticket used, expired or already closed.
   */
  public RefundResult revoke(String reference) {
    Text.check(reference, "reference", MAX_REFERENCE);
    try {
      return refunds.revoke(reference);
    } catch (StoreException e) {
      return Interrupted.of(e);
    }
  }

  /**
   * A venue checks a ticket in for {@code item}: admitted once; any later check-in learns when and
   * where it was used. A retry with the same venue and nonce is not a second use.
   *
   * @param code the ticket code as the holder shows it ({@link TicketCode#parse})
   * @param item the item (event) the venue admits to
   * @param venue the venue, 1 to {@value #MAX_VENUE} characters
   * @param nonce the venue's id for this attempt, 1 to {@value #MAX_NONCE} characters: the same on
   *     a retry, a new one for a new scan
   */
  public CheckInResult checkIn(String code, String item, String venue, String nonce) {
    TicketCode ticket = TicketCode.parse(code);
    Text.required(item, "item");
    Text.check(venue, "venue", MAX_VENUE);
    Text.check(nonce, "nonce", MAX_NONCE);
    try {
      return checkIns.checkIn(ticket, item, venue, nonce);
    } catch (StoreException e) {
      return Interrupted.of(e);
    }
  }

  /** Builds a {@link Catalogue}; every setting is checked at {@link #build()}. */
  public static final class Builder {
    private final Ledger ledger;
    private final SettlementAuthenticator shop;
    private final Map<String, Item> items = new LinkedHashMap<>();
    private byte[] key = new byte[0];
    private @Nullable Delivery delivery;

    private Builder(Ledger ledger, SettlementAuthenticator shop) {
      if (ledger == null || shop == null) {
        throw new InvalidConfigurationException(
            (ledger == null ? "ledger" : "shop") + " is required");
      }
      this.ledger = ledger;
      this.shop = shop;
    }

    /**
     * The catalogue key, at least 32 bytes, kept secret like the issuer key: ticket codes are
     * derived and hashed under it. Required; keep it the same across restarts.
     */
    public Builder key(byte[] key) {
      if (key == null || key.length < 32) {
        throw new InvalidConfigurationException("key must have at least 32 bytes");
      }
      this.key = key.clone();
      return this;
    }

    /** Hands bought items over. Required. */
    public Builder delivery(Delivery delivery) {
      if (delivery == null) {
        throw new InvalidConfigurationException("delivery is required");
      }
      this.delivery = delivery;
      return this;
    }

    /** Adds an item; ids are unique. */
    public Builder item(Item item) {
      if (item == null) {
        throw new InvalidConfigurationException("item is required");
      }
      if (items.putIfAbsent(item.id(), item) != null) {
        throw new InvalidConfigurationException("item: the id \"" + item.id() + "\" is used twice");
      }
      return this;
    }

    /** Checks the settings and builds the catalogue. */
    public Catalogue build() {
      if (key.length == 0) {
        throw new InvalidConfigurationException("key is required");
      }
      if (delivery == null) {
        throw new InvalidConfigurationException("delivery is required");
      }
      if (items.isEmpty()) {
        throw new InvalidConfigurationException("items: add at least one item");
      }
      List<Currency> currencies = new ArrayList<>();
      for (Item i : items.values()) {
        if (!currencies.contains(i.price().currency())) {
          currencies.add(i.price().currency());
        }
      }
      if (currencies.size() > 1) {
        throw new InvalidConfigurationException(
            "items: every price must be in one currency, found " + currencies);
      }
      return new Catalogue(this, currencies.get(0));
    }
  }
}

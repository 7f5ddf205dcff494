package dev.idsettle.sales;

import dev.idsettle.InvalidConfigurationException;
import dev.idsettle.InvalidRequestException;
import dev.idsettle.money.Money;
import java.util.ArrayDeque;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.function.Supplier;

/**
 * A <strong>simulator</strong> of a small bank behind a {@link PaymentGateway}, for tests and
 * demonstrations: it moves no real money. It keeps members (a password, a credit limit, in good
 * standing or suspended), authorizations, captures and refunds in memory, keeps a configurable
 * commission of every capture, honours idempotency keys exactly as the SPI asks (replays, including
 * refusals; a key reused for another request is refused), and can be told to misbehave on the next
 * call of an operation: time out before acting, time out after acting, or receive the request twice
 * (a duplicate notification). Its {@link #captures() statement} lists every capture it took.
 * Thread-safe (one lock).
 */
public final class SimulatedBank implements PaymentGateway, GatewayStatement {
  /** An operation of the gateway, for {@link #inject}. */
  public enum Operation {
    /** {@link #checkMember}. */
    CHECK,
    /** {@link #authorize}. */
    AUTHORIZE,
    /** {@link #capture}. */
    CAPTURE,
    /** {@link #voidAuthorization}. */
    VOID,
    /** {@link #refund}. */
    REFUND
  }

  /** A misbehaviour for the next call of an operation. */
  public enum Fault {
    /** The request is lost before the bank sees it: nothing happens, the caller hears nothing. */
    TIMEOUT_BEFORE,
    /** The bank acts, but its answer is lost. */
    TIMEOUT_AFTER,
    /** The request arrives twice (the network repeats it): the bank must act once. */
    DUPLICATE
  }

  /**
   * A member's credential at this bank: member number and password. {@code toString} hides the
   * password.
   *
   * @param member the member number
   * @param password the member's password
   */
  public record Credential(String member, String password) implements BuyerCredential {
    /** Requires both fields. */
    public Credential {
      Args.text(member, "member", 64);
      Args.notNull(password, "password");
    }

    @Override
    public String subject() {
      return member;
    }

    @Override
    public String toString() {
      return "Credential[member=" + member + ", password=***]";
    }
  }

  private final Currency currency;
  private final int commissionBasisPoints;
  private final Map<String, Member> members = new HashMap<>();
  private final Map<String, Auth> auths = new HashMap<>();
  private final Map<String, Capture> captures = new java.util.LinkedHashMap<>();
  private final Map<String, Replay> replays = new HashMap<>();
  private final Map<Operation, Queue<Fault>> faults = new EnumMap<>(Operation.class);
  private final Map<Operation, Integer> performed = new EnumMap<>(Operation.class);
  private long sequence;

  private SimulatedBank(Currency currency, int commissionBasisPoints) {
    this.currency = currency;
    this.commissionBasisPoints = commissionBasisPoints;
  }

  /**
   * A bank in {@code currency} that keeps {@code commissionBasisPoints} (1/100 of a percent, 0 to
   * 10 000) of every capture, rounded down to the minor unit.
   */
  public static SimulatedBank create(Currency currency, int commissionBasisPoints) {
    if (commissionBasisPoints < 0 || commissionBasisPoints > 10_000) {
      throw new InvalidConfigurationException(
          "commissionBasisPoints must be 0 to 10000, was " + commissionBasisPoints);
    }
    return new SimulatedBank(Args.notNull(currency, "currency"), commissionBasisPoints);
  }

  /** Opens (or replaces) a member account with {@code creditLimit} of credit. */
  public synchronized SimulatedBank member(String member, String password, Money creditLimit) {
    Args.text(member, "member", 64);
    Args.notNull(password, "password");
    requireAmount(creditLimit, "creditLimit", true);
    members.put(member, new Member(password, creditLimit.minor()));
    return this;
  }

  /** Suspends a member (not in good standing) or reinstates it. */
  public synchronized void suspend(String member, boolean suspended) {
    memberOrThrow(member).suspended = suspended;
  }

  /** Makes the next call of {@code operation} misbehave as {@code fault} (queued in order). */
  public synchronized void inject(Operation operation, Fault fault) {
    faults.computeIfAbsent(operation, o -> new ArrayDeque<>()).add(Args.notNull(fault, "fault"));
  }

  /**
   * What the member may still spend: the limit less what is authorized or captured, plus refunds.
   */
  public synchronized Money available(String member) {
    return Money.of(memberOrThrow(member).available(), currency);
  }

  /** What the member has been charged: captured less refunded. */
  public synchronized Money charged(String member) {
    return Money.of(memberOrThrow(member).charged, currency);
  }

  /** How often {@code operation} acted (replays and timed-out-before calls do not count). */
  public synchronized int performed(Operation operation) {
    return performed.getOrDefault(operation, 0);
  }

  /** Every capture this bank took, in the order taken, with what it refunded of each. */
  @Override
  public synchronized java.util.List<StatementLine> captures() {
    java.util.List<StatementLine> lines = new java.util.ArrayList<>(captures.size());
    captures.forEach(
        (reference, c) ->
            lines.add(
                new StatementLine(
                    reference,
                    c.authorization,
                    Money.of(c.amount, currency),
                    Money.of(c.commission, currency),
                    Money.of(c.refunded, currency))));
    return java.util.List.copyOf(lines);
  }

  @Override
  public GatewayResult checkMember(BuyerCredential credential, Money price, String key) {
    Args.notNull(credential, "credential");
    requireAmount(price, "price", false);
    String password = credential instanceof Credential c ? c.password() : "";
    String request = "check " + credential.subject() + " " + price.minor() + " " + password;
    return call(Operation.CHECK, key, request, () -> check(credential.subject(), password, price));
  }

  @Override
  public GatewayResult authorize(String buyer, Money amount, String key) {
    Args.text(buyer, "buyer", 200);
    requireAmount(amount, "amount", false);
    return call(
        Operation.AUTHORIZE,
        key,
        "authorize " + buyer + " " + amount.minor(),
        () -> doAuthorize(buyer, amount.minor()));
  }

  @Override
  public GatewayResult capture(String authorization, Money amount, String key) {
    Args.text(authorization, "authorization", 200);
    requireAmount(amount, "amount", false);
    return call(
        Operation.CAPTURE,
        key,
        "capture " + authorization + " " + amount.minor(),
        () -> doCapture(authorization, amount.minor()));
  }

  @Override
  public GatewayResult voidAuthorization(String authorization, String key) {
    Args.text(authorization, "authorization", 200);
    return call(Operation.VOID, key, "void " + authorization, () -> doVoid(authorization));
  }

  @Override
  public GatewayResult refund(String capture, Money amount, String key) {
    Args.text(capture, "capture", 200);
    requireAmount(amount, "amount", false);
    return call(
        Operation.REFUND,
        key,
        "refund " + capture + " " + amount.minor(),
        () -> doRefund(capture, amount.minor()));
  }

  @Override
  public Money commission(Money gross) {
    requireAmount(gross, "gross", true);
    return Money.of(Math.multiplyExact(gross.minor(), commissionBasisPoints) / 10_000, currency);
  }

  private synchronized GatewayResult call(
      Operation op, String key, String request, Supplier<GatewayResult> action) {
    Args.text(key, "idempotencyKey", 255);
    Queue<Fault> queue = faults.get(op);
    Fault fault = queue == null ? null : queue.poll();
    if (fault == Fault.TIMEOUT_BEFORE) {
      return new GatewayTimeout(op.name().toLowerCase(java.util.Locale.ROOT));
    }
    GatewayResult answer = once(op, op + " " + key, request, action);
    if (fault == Fault.DUPLICATE) {
      answer = once(op, op + " " + key, request, action);
    }
    return fault == Fault.TIMEOUT_AFTER
        ? new GatewayTimeout(op.name().toLowerCase(java.util.Locale.ROOT))
        : answer;
  }

  private GatewayResult once(
      Operation op, String key, String request, Supplier<GatewayResult> action) {
    Replay seen = replays.get(key);
    if (seen != null) {
      return seen.request.equals(request) ? seen.answer : new Declined(DeclineReason.KEY_REUSED);
    }
    GatewayResult answer = action.get();
    replays.put(key, new Replay(request, answer));
    performed.merge(op, 1, Integer::sum);
    return answer;
  }

  private GatewayResult check(String subject, String password, Money price) {
    Member m = members.get(subject);
    if (m == null || !m.password.equals(password)) {
      return new Declined(DeclineReason.NOT_A_MEMBER);
    }
    if (m.suspended) {
      return new Declined(DeclineReason.NOT_IN_GOOD_STANDING);
    }
    if (m.available() < price.minor()) {
      return new Declined(DeclineReason.INSUFFICIENT_CREDIT);
    }
    return approved(subject, price.minor(), 0);
  }

  private GatewayResult doAuthorize(String buyer, long amount) {
    Member m = members.get(buyer);
    if (m == null) {
      return new Declined(DeclineReason.NOT_A_MEMBER);
    }
    if (m.suspended) {
      return new Declined(DeclineReason.NOT_IN_GOOD_STANDING);
    }
    if (m.available() < amount) {
      return new Declined(DeclineReason.INSUFFICIENT_CREDIT);
    }
    m.held += amount;
    String id = "auth-" + ++sequence;
    auths.put(id, new Auth(m, amount));
    return approved(id, amount, 0);
  }

  private GatewayResult doCapture(String authorization, long amount) {
    Auth a = auths.get(authorization);
    if (a == null) {
      return new Declined(DeclineReason.UNKNOWN_REFERENCE);
    }
    if (a.resolved || amount > a.amount) {
      return new Declined(DeclineReason.NOT_ALLOWED);
    }
    a.resolved = true;
    a.member.held -= a.amount;
    a.member.charged += amount;
    String id = "cap-" + ++sequence;
    long commission = commission(Money.of(amount, currency)).minor();
    captures.put(id, new Capture(a.member, authorization, amount, commission));
    return approved(id, amount, commission);
  }

  private GatewayResult doVoid(String authorization) {
    Auth a = auths.get(authorization);
    if (a == null) {
      return new Declined(DeclineReason.UNKNOWN_REFERENCE);
    }
    if (a.resolved) {
      return new Declined(DeclineReason.NOT_ALLOWED);
    }
    a.resolved = true;
    a.member.held -= a.amount;
    return approved(authorization, 0, 0);
  }

  private GatewayResult doRefund(String capture, long amount) {
    Capture c = captures.get(capture);
    if (c == null) {
      return new Declined(DeclineReason.UNKNOWN_REFERENCE);
    }
    if (amount > c.amount - c.refunded) {
      return new Declined(DeclineReason.NOT_ALLOWED);
    }
    c.refunded += amount;
    c.member.charged -= amount;
    return approved("ref-" + ++sequence, amount, 0);
  }

  private Approved approved(String reference, long amount, long commission) {
    return new Approved(reference, Money.of(amount, currency), Money.of(commission, currency));
  }

  private Member memberOrThrow(String member) {
    Member m = members.get(Args.notNull(member, "member"));
    if (m == null) {
      throw new InvalidRequestException("member " + member + " has no account at this bank");
    }
    return m;
  }

  private void requireAmount(Money amount, String field, boolean zeroAllowed) {
    Args.notNull(amount, field);
    if (!amount.currency().equals(currency)
        || amount.minor() < 0
        || (!zeroAllowed && amount.minor() == 0)) {
      throw new InvalidRequestException(
          field + " must be " + (zeroAllowed ? "zero or more" : "positive") + " in " + currency);
    }
  }

  private static final class Member {
    final String password;
    final long limit;
    long held;
    long charged;
    boolean suspended;

    Member(String password, long limit) {
      this.password = password;
      this.limit = limit;
    }

    long available() {
      return limit - held - charged;
    }
  }

  private static final class Auth {
    final Member member;
    final long amount;
    boolean resolved;

    Auth(Member member, long amount) {
      this.member = member;
      this.amount = amount;
    }
  }

  private static final class Capture {
    final Member member;
    final String authorization;
    final long amount;
    final long commission;
    long refunded;

    Capture(Member member, String authorization, long amount, long commission) {
      this.member = member;
      this.authorization = authorization;
      this.amount = amount;
      this.commission = commission;
    }
  }

  private record Replay(String request, GatewayResult answer) {}
}

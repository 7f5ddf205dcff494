package dev.idsettle.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.idsettle.IdSettleException;
import dev.idsettle.InvalidConfigurationException;
import dev.idsettle.InvalidRequestException;
import dev.idsettle.id.IdNumber;
import dev.idsettle.id.IdNumberFormat;
import dev.idsettle.id.IdNumberGenerator;
import dev.idsettle.id.MalformedIdException;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.money.Money;
import dev.idsettle.money.MoneyException;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.Service;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.spi.StoreException;
import java.io.IOException;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The error model of the package documentation of {@code dev.idsettle}, checked on every public
 * constructor, static factory and builder of core-api's exported packages: bad input is a typed
 * {@link IdSettleException} whose message names the field, never a plain JDK exception.
 */
class ErrorModelTest {
  private static final byte[] KEY =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final List<String> EXPORTED =
      List.of(
          "dev.idsettle",
          "dev.idsettle.audit",
          "dev.idsettle.id",
          "dev.idsettle.money",
          "dev.idsettle.ledger",
          "dev.idsettle.roles",
          "dev.idsettle.spi");

  @Test
  void nullInEveryRecordComponentIsATypedErrorNamingIt() throws Exception {
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (Class<?> type : publicTypes()) {
      if (!type.isRecord()) {
        continue;
      }
      RecordComponent[] components = type.getRecordComponents();
      Class<?>[] types = Stream.of(components).map(RecordComponent::getType).toArray(Class[]::new);
      Constructor<?> canonical = type.getDeclaredConstructor(types);
      for (int i = 0; i < components.length; i++) {
        if (types[i].isPrimitive() || nullable(components[i].getAnnotatedType())) {
          continue;
        }
        Object[] args = samples(types);
        args[i] = null;
        checked++;
        check(canonical, null, args, components[i].getName(), wrong);
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(checked).as("record components walked").isGreaterThan(40);
  }

  @Test
  void nullInEveryArgumentOfAStaticFactoryOrBuilderIsATypedError() throws Exception {
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    List<Object[]> targets = new ArrayList<>();
    for (Class<?> type : publicTypes()) {
      if (type.isEnum() || Throwable.class.isAssignableFrom(type)) {
        continue; // valueOf(null) is the JDK's; exceptions take any message
      }
      for (Method m : type.getDeclaredMethods()) {
        if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())) {
          targets.add(new Object[] {m, null});
        }
      }
    }
    Object[] receivers = {
      IdSettle.builder(MemoryStore.create()),
      Ledger.builder(MemoryStore.create()),
      Money.of(1, "EUR"),
      LedgerBatch.create(),
      settle(),
      settle().terminal("till"),
      settle().authenticator(new Service("svc", Money.of(0, "EUR"))),
      settle().issuer(),
      settle().operatorAccounts(),
      Ledger.over(MemoryStore.create()),
    };
    for (Object receiver : receivers) {
      for (Method m : receiver.getClass().getMethods()) {
        if (!Modifier.isStatic(m.getModifiers())
            && m.getDeclaringClass() != Object.class
            && !m.getName().equals("equals")
            && !m.getName().equals("compareTo")) {
          targets.add(new Object[] {m, receiver});
        }
      }
    }
    for (Object[] target : targets) {
      Method m = (Method) target[0];
      m.setAccessible(true);
      Parameter[] params = m.getParameters();
      for (int i = 0; i < params.length; i++) {
        if (params[i].getType().isPrimitive() || nullable(params[i].getAnnotatedType())) {
          continue;
        }
        Object[] args = samples(m.getParameterTypes());
        args[i] = null;
        checked++;
        check(m, target[1], args, null, wrong);
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(checked).as("arguments walked").isGreaterThan(40);
  }

  @Test
  void badValuesAreTypedErrorsThatNameTheFieldAndTheValue() {
    expect(() -> Money.of(1, "EURO"), MoneyException.class, "currencyCode", "\"EURO\"");
    expect(() -> new IdNumberFormat(3), InvalidRequestException.class, "length", "3");
    expect(() -> IdNumber.parse("12ab"), MalformedIdException.class, "position 3");
    expect(() -> new AccountId(0), InvalidRequestException.class, "account id", "0");
    expect(() -> IdHash.of(new byte[3]), InvalidRequestException.class, "32 bytes", "3");
    expect(() -> ExpiryPolicy.afterActivation(0), InvalidRequestException.class, "days", "0");
    expect(
        () -> LedgerBatch.create().addLinked(List.of()),
        InvalidRequestException.class,
        "linked group");
    expect(
        () ->
            LedgerCommand.post(
                TransferId.random(), new AccountId(1), new AccountId(2), 1, "x".repeat(65)),
        InvalidRequestException.class,
        "code");
    expect(() -> new Service("", Money.of(0, "EUR")), InvalidRequestException.class, "name");
    expect(
        () -> dev.idsettle.ledger.Description.of("Call V1", "{}"),
        InvalidRequestException.class,
        "kind",
        "Call V1");
    expect(
        () -> dev.idsettle.ledger.Description.of("call", "€".repeat(1366)),
        dev.idsettle.ledger.DescriptionTooLongException.class,
        "body",
        "4098");
    expect(
        () -> dev.idsettle.ledger.Description.of("call", "a\u0000b"),
        InvalidRequestException.class,
        "body",
        "NUL");
    expect(
        () -> dev.idsettle.spi.Sealer.withKey(new byte[16]),
        InvalidConfigurationException.class,
        "sealingKey",
        "16");
    expect(
        () -> new Service("s", Money.of(-1, "EUR")),
        InvalidRequestException.class,
        "lowBalanceReference",
        "EUR -0.01");
    expect(
        () -> request("t\r\nforged", "r"),
        InvalidRequestException.class,
        "terminal",
        "\\u000d\\u000a");
    expect(() -> request("t".repeat(61), "r"), InvalidRequestException.class, "terminal", "61");
    expect(() -> request("t", " "), InvalidRequestException.class, "reference");
    expect(() -> settle().terminal(""), InvalidRequestException.class, "terminalId");
    expect(
        () -> settle().issuer().issue(0, ExpiryPolicy.never()),
        InvalidRequestException.class,
        "count",
        "0");
    expect(
        () -> settle().authenticator(new Service("s", Money.of(0, "USD"))),
        InvalidRequestException.class,
        "lowBalanceReference",
        "EUR");
    expect(
        () ->
            new dev.idsettle.ledger.AccountKey(
                IdHash.ofWords(1, 2, 3, 4), new AccountId(1), null, ""),
        InvalidRequestException.class,
        "tag",
        "has 0");
    expect(
        () ->
            settle()
                .ledger()
                .createAccounts(java.util.Arrays.asList((dev.idsettle.ledger.Account) null)),
        InvalidRequestException.class,
        "accounts[0]");
    expect(() -> settle().ledger().expireHolds(0), InvalidRequestException.class, "limit", "0");
    expect(
        () ->
            dev.idsettle.roles.OperatorAccounts.of(
                new WrappingStore(MemoryStore.create()) {
                  @Override
                  public int revenueShards() {
                    return 0;
                  }
                },
                Currency.getInstance("EUR")),
        InvalidRequestException.class,
        "store.revenueShards",
        "0");
    expect(
        () -> settle().ledger().transfers(new AccountId(1), -1, 5),
        InvalidRequestException.class,
        "offset",
        "-1");
  }

  @Test
  void badSettingsAreTypedErrorsThatNameTheSetting() {
    LedgerStore store = MemoryStore.create();
    expect(() -> IdSettle.builder(store).build(), InvalidConfigurationException.class, "issuerKey");
    expect(
        () -> IdSettle.builder(store).issuerKey(new byte[5]).build(),
        InvalidConfigurationException.class,
        "issuerKey",
        "5");
    expect(
        () ->
            IdSettle.builder(store).issuerKey(KEY).unknownIdLimit(0, Duration.ofMinutes(1)).build(),
        InvalidConfigurationException.class,
        "unknownIdLimit",
        "0");
    expect(
        () -> IdSettle.builder(store).issuerKey(KEY).groupCommit(-1).build(),
        InvalidConfigurationException.class,
        "groupCommit",
        "-1");
    expect(
        () -> IdSettle.builder(store).issuerKey(KEY).accountCacheSize(-1).build(),
        InvalidConfigurationException.class,
        "accountCacheSize",
        "-1");
    expect(
        () -> IdSettle.builder(store).issuerKey(new byte[32]).build(),
        InvalidConfigurationException.class,
        "issuerKey looks like no key",
        "1 byte");
    expect(
        () ->
            IdSettle.builder(store)
                .issuerKey("abcabcabcabcabcabcabcabcabcabcabc".getBytes(StandardCharsets.US_ASCII))
                .build(),
        InvalidConfigurationException.class,
        "issuerKey looks like no key",
        "3 byte");
    expect(
        () ->
            IdSettle.builder(store).issuerKey(KEY).maxActivationAmount(Money.of(0, "EUR")).build(),
        InvalidConfigurationException.class,
        "maxActivationAmount",
        "EUR 0.00");
    expect(
        () -> Ledger.builder(store).maxAttempts(0).build(),
        InvalidConfigurationException.class,
        "maxAttempts",
        "0");
    expect(
        () -> Ledger.builder(store).maxBackoff(Duration.ZERO).build(),
        InvalidConfigurationException.class,
        "maxBackoff");
  }

  private static void expect(
      Runnable call, Class<? extends IdSettleException> type, String... inMessage) {
    assertThatThrownBy(call::run).isInstanceOf(type).hasMessageContainingAll(inMessage);
  }

  private static AuthorizationRequest request(String terminal, String reference) {
    IdNumber id = IdNumberGenerator.secure(IdNumberFormat.DEFAULT).next();
    return new AuthorizationRequest(id, Money.of(1, "EUR"), terminal, reference);
  }

  private static void check(
      Executable target,
      @Nullable Object receiver,
      Object[] args,
      @Nullable String field,
      List<String> wrong) {
    String what = target + " with null argument";
    try {
      if (target instanceof Constructor<?> c) {
        c.newInstance(args);
      } else {
        ((Method) target).invoke(receiver, args);
      }
      wrong.add(what + ": accepted null");
    } catch (InvocationTargetException e) {
      Throwable t = e.getCause();
      if (!(t instanceof IdSettleException)) {
        wrong.add(what + ": threw " + t);
      } else if (t.getMessage() == null || t.getMessage().isBlank()) {
        wrong.add(what + ": no message");
      } else if (field != null && !t.getMessage().contains(field)) {
        wrong.add(what + ": message does not name " + field + ": " + t.getMessage());
      }
    } catch (ReflectiveOperationException e) {
      fail(what, e);
    }
  }

  private static boolean nullable(AnnotatedType type) {
    return type.isAnnotationPresent(Nullable.class);
  }

  private static IdSettle settle() {
    return IdSettle.builder(MemoryStore.create()).issuerKey(KEY).build();
  }

  private static Object[] samples(Class<?>[] types) {
    Object[] out = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      out[i] = sample(types[i]);
    }
    return out;
  }

  private static final Map<Class<?>, Supplier<Object>> SAMPLES = new HashMap<>();

  static {
    SAMPLES.put(String.class, () -> "x");
    SAMPLES.put(CharSequence.class, () -> "x");
    SAMPLES.put(String[].class, () -> new String[] {"x"});
    SAMPLES.put(byte[].class, () -> KEY.clone());
    SAMPLES.put(Money.class, () -> Money.of(1, "EUR"));
    SAMPLES.put(Currency.class, () -> Currency.getInstance("EUR"));
    SAMPLES.put(IdNumber.class, () -> IdNumberGenerator.secure(IdNumberFormat.DEFAULT).next());
    SAMPLES.put(IdNumberFormat.class, () -> IdNumberFormat.DEFAULT);
    SAMPLES.put(SecureRandom.class, SecureRandom::new);
    SAMPLES.put(
        dev.idsettle.ledger.GroupCommitListener.class,
        () -> dev.idsettle.ledger.GroupCommitListener.NONE);
    SAMPLES.put(AccountId.class, () -> new AccountId(1));
    SAMPLES.put(TransferId.class, TransferId::random);
    SAMPLES.put(UUID.class, UUID::randomUUID);
    SAMPLES.put(IdHash.class, () -> IdHash.ofWords(1, 2, 3, 4));
    SAMPLES.put(Instant.class, () -> Instant.EPOCH);
    SAMPLES.put(Duration.class, () -> Duration.ofSeconds(1));
    SAMPLES.put(Clock.class, Clock::systemUTC);
    SAMPLES.put(ExpiryPolicy.class, ExpiryPolicy::never);
    SAMPLES.put(List.class, List::of);
    SAMPLES.put(java.util.Map.class, java.util.Map::of);
    SAMPLES.put(IdSettle.class, ErrorModelTest::settle);
    SAMPLES.put(
        dev.idsettle.roles.SlipSerial.class, () -> new dev.idsettle.roles.SlipSerial("B", 1));
    SAMPLES.put(
        dev.idsettle.roles.Slip.class,
        () ->
            new dev.idsettle.roles.Slip(
                IdNumberGenerator.secure(IdNumberFormat.DEFAULT).next(),
                new dev.idsettle.roles.SlipSerial("B", 1),
                Money.of(1, "EUR"),
                null));
    SAMPLES.put(
        dev.idsettle.roles.PrintedSlip.class,
        () ->
            new dev.idsettle.roles.PrintedSlip(
                IdNumberGenerator.secure(IdNumberFormat.DEFAULT).next(),
                "B-000001",
                Money.of(1, "EUR")));
    SAMPLES.put(
        dev.idsettle.ledger.AccountKey.class,
        () ->
            new dev.idsettle.ledger.AccountKey(
                IdHash.ofWords(1, 2, 3, 4), new AccountId(1), null, "x"));
    SAMPLES.put(
        dev.idsettle.roles.SettlementManager.class,
        () -> dev.idsettle.roles.SettlementManager.over(settle()));
    SAMPLES.put(
        dev.idsettle.ledger.Description.class,
        () -> dev.idsettle.ledger.Description.of("call.v1", "{}"));
    SAMPLES.put(dev.idsettle.spi.Sealer.class, () -> dev.idsettle.spi.Sealer.withKey(KEY));
    SAMPLES.put(Collection.class, List::of);
    SAMPLES.put(Set.class, () -> EnumSet.of(dev.idsettle.ledger.AccountState.ISSUED));
    SAMPLES.put(LedgerStore.class, MemoryStore::create);
    SAMPLES.put(StoreException.class, () -> new StoreException("x", false));
    SAMPLES.put(Throwable.class, RuntimeException::new);
    SAMPLES.put(Service.class, () -> new Service("svc", Money.of(0, "EUR")));
    SAMPLES.put(AuthorizationRequest.class, () -> request("t", "r"));
    SAMPLES.put(
        LedgerCommand.class,
        () -> LedgerCommand.post(TransferId.random(), new AccountId(1), new AccountId(2), 1, "x"));
    SAMPLES.put(
        dev.idsettle.ledger.Transfer.class,
        () ->
            new dev.idsettle.ledger.Transfer(
                TransferId.random(),
                new AccountId(1),
                new AccountId(2),
                1,
                dev.idsettle.ledger.TransferKind.POST,
                null,
                null,
                dev.idsettle.ledger.HoldState.NONE,
                null,
                "x",
                Instant.EPOCH));
    SAMPLES.put(
        dev.idsettle.ledger.Account.class,
        () -> dev.idsettle.ledger.Account.operator(new AccountId(1), Currency.getInstance("EUR")));
    SAMPLES.put(LedgerCommand[].class, () -> new LedgerCommand[0]);
    SAMPLES.put(LedgerBatch.class, LedgerBatch::create);
    SAMPLES.put(
        dev.idsettle.roles.LowBalanceListener.class,
        () -> (dev.idsettle.roles.LowBalanceListener) e -> {});
    SAMPLES.put(
        dev.idsettle.roles.ThrottleListener.class,
        () -> (dev.idsettle.roles.ThrottleListener) e -> {});
    SAMPLES.put(
        dev.idsettle.roles.GuessingBudgets.class, () -> dev.idsettle.roles.GuessingBudgets.DEFAULT);
  }

  private static @Nullable Object sample(Class<?> type) {
    if (type == long.class) {
      return 1L;
    }
    if (type == int.class) {
      return 1;
    }
    if (type == boolean.class) {
      return false;
    }
    if (type.isEnum()) {
      return type.getEnumConstants()[0];
    }
    Supplier<Object> s = SAMPLES.get(type);
    if (s == null) {
      throw new AssertionError("no sample of " + type + ": add one to ErrorModelTest");
    }
    return s.get();
  }

  /** The public types of core-api's exported packages, found in its classes directory or jar. */
  private static List<Class<?>> publicTypes() throws IOException, URISyntaxException {
    Path location =
        Path.of(Money.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> out = new ArrayList<>();
    try (FileSystem jar =
            Files.isDirectory(location)
                ? null
                : FileSystems.newFileSystem(location, (ClassLoader) null);
        Stream<Path> files = Files.walk(jar == null ? location : jar.getPath("/"))) {
      Path root = jar == null ? location : jar.getPath("/");
      for (Path f : (Iterable<Path>) files::iterator) {
        String rel = root.relativize(f).toString().replace('\\', '/');
        if (!rel.endsWith(".class") || rel.contains("package-info")) {
          continue;
        }
        String name = rel.substring(0, rel.length() - 6).replace('/', '.');
        String pkg = name.substring(0, name.lastIndexOf('.'));
        if (!EXPORTED.contains(pkg)) {
          continue;
        }
        try {
          Class<?> c = Class.forName(name, false, ErrorModelTest.class.getClassLoader());
          if (Modifier.isPublic(c.getModifiers())
              && (c.getEnclosingClass() == null
                  || Modifier.isPublic(c.getEnclosingClass().getModifiers()))
              && !c.isAnonymousClass()) {
            out.add(c);
          }
        } catch (ClassNotFoundException e) {
          throw new AssertionError(e);
        }
      }
    }
    assertThat(out).as("core-api's public types").hasSizeGreaterThan(30);
    return out;
  }
}

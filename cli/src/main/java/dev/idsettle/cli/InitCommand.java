package dev.idsettle.cli;

import dev.idsettle.money.Money;
import dev.idsettle.roles.Service;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code init}: a new ledger, its issuer key (owner-only) and its settings. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Creates the database (or its schema at a JDBC URL), a new random issuer key in the key"
          + " file (readable by its owner only; never overwritten) and the settings file beside"
          + " it: the currency and the services."
    })
final class InitCommand implements Callable<Integer> {
  @Mixin StoreOptions store = new StoreOptions();

  @Option(
      names = "--currency",
      paramLabel = "CODE",
      description = "The ledger's currency, an ISO 4217 code (default ${DEFAULT-VALUE}).",
      defaultValue = "EUR",
      converter = CurrencyConverter.class)
  Currency currency = Currency.getInstance("EUR");

  @Option(
      names = "--service",
      paramLabel = "NAME[=LOW]",
      description =
          "A service IDs pay for, with the balance below which a permit warns (major units;"
              + " default 0: never). Repeatable.",
      converter = ServiceSpec.class)
  List<ServiceSpec.Spec> services = new ArrayList<>();

  @Option(names = "--json", description = "Print the answer as one JSON document.")
  boolean json;

  @Spec CommandSpec spec = CommandSpec.create();

  @Override
  public Integer call() {
    Main main = (Main) spec.root().userObject();
    Settings settings = new Settings(currency, Map.of());
    for (ServiceSpec.Spec s : services) {
      Money low =
          s.low() == null ? Money.zero(currency) : s.low().in(currency, "--service " + s.name());
      settings = settings.with(new Service(s.name(), low));
    }
    if (java.nio.file.Files.exists(store.keyFile())) {
      throw CliException.badInput(
          "key file " + store.keyFile() + " exists already: init does not overwrite a key");
    }
    KeyFile.create(store.keyFile());
    settings.write(store.settingsFile());
    byte[] key = KeyFile.read(store.keyFile());
    Workspace opened;
    try {
      opened = Workspace.open(store, settings, key, main.clock);
    } catch (RuntimeException e) {
      // nothing was made of the new key: leave no key behind a failed init, so it can be rerun
      Arrays.fill(key, (byte) 0);
      deleteQuietly(store.keyFile());
      deleteQuietly(store.settingsFile());
      throw e;
    }
    try (Workspace ws = opened) {
      Map<String, @Nullable Object> f = new LinkedHashMap<>();
      f.put("database", Mask.scrub(store.db));
      f.put("keyFile", store.keyFile().toAbsolutePath().toString());
      f.put("settingsFile", store.settingsFile().toString());
      f.put("currency", currency.getCurrencyCode());
      f.put("services", new ArrayList<>(ws.manager.services()));
      return new Output(main.out, json)
          .print(
              Results.done(
                  "init",
                  null,
                  "initialized "
                      + Mask.scrub(store.db)
                      + " ("
                      + currency.getCurrencyCode()
                      + "); key in "
                      + store.keyFile().toAbsolutePath()
                      + " (owner-only: keep it secret and backed up), settings in "
                      + store.settingsFile(),
                  f));
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static void deleteQuietly(java.nio.file.Path file) {
    try {
      java.nio.file.Files.deleteIfExists(file);
    } catch (java.io.IOException e) {
      // reported by the failure being thrown
    }
  }

  /** An ISO 4217 currency code. */
  static final class CurrencyConverter implements picocli.CommandLine.ITypeConverter<Currency> {
    @Override
    public Currency convert(String text) {
      try {
        return Currency.getInstance(text);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "'" + Amount.shorten(text) + "' is not an ISO 4217 currency code, e.g. EUR");
      }
    }
  }
}

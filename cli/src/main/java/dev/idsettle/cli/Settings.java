package dev.idsettle.cli;

import dev.idsettle.money.Money;
import dev.idsettle.roles.Service;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What {@code init} records beside the key: the ledger's currency and the services, each with its
 * low-balance reference in minor units ({@code service.phone=300}). The library keeps services in
 * memory only, so every command registers them from here.
 *
 * @param currency the ledger's currency
 * @param services the services by name, in name order
 */
record Settings(Currency currency, Map<String, Service> services) {
  private static final String SERVICE = "service.";

  Settings {
    services = java.util.Collections.unmodifiableMap(new TreeMap<>(services));
  }

  static Settings read(Path file) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (NoSuchFileException e) {
      throw CliException.badInput(
          "no settings file at " + file + ": run 'idsettle init' first (it writes it)");
    } catch (IOException e) {
      throw CliException.badInput("cannot read the settings file " + file + ": " + e);
    }
    Currency currency;
    try {
      currency = Currency.getInstance(p.getProperty("currency", "EUR"));
    } catch (IllegalArgumentException e) {
      throw CliException.badInput(file + ": currency is not an ISO 4217 code");
    }
    Map<String, Service> services = new TreeMap<>();
    for (String name : p.stringPropertyNames()) {
      if (name.startsWith(SERVICE)) {
        String service = name.substring(SERVICE.length());
        long low;
        try {
          low = Long.parseLong(p.getProperty(name).strip());
          services.put(service, new Service(service, Money.of(low, currency)));
        } catch (RuntimeException e) {
          throw CliException.badInput(file + ": " + name + " must be a non-negative number");
        }
      }
    }
    return new Settings(currency, services);
  }

  /** This with {@code service} added (or replaced). */
  Settings with(Service service) {
    Map<String, Service> more = new LinkedHashMap<>(services);
    more.put(service.name(), service);
    return new Settings(currency, more);
  }

  void write(Path file) {
    Properties p = new Properties();
    p.setProperty("currency", currency.getCurrencyCode());
    for (Service s : services.values()) {
      p.setProperty(SERVICE + s.name(), Long.toString(s.lowBalanceReference().minor()));
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        p.store(
            w, "idsettle CLI settings: the currency and the services (low balance, minor units)");
      }
    } catch (IOException e) {
      throw CliException.badInput("cannot write the settings file " + file + ": " + e);
    }
  }
}

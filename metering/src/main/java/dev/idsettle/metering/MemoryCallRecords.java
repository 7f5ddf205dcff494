package dev.idsettle.metering;

import dev.idsettle.ledger.AccountId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link CallRecords} in two concurrent maps. */
final class MemoryCallRecords implements CallRecords {
  private final Map<String, CallRecord> bySession = new ConcurrentHashMap<>();
  private final Map<AccountId, List<CallRecord>> byAccount = new ConcurrentHashMap<>();

  @Override
  public void add(CallRecord record) {
    if (bySession.putIfAbsent(record.sessionId(), record) != null) {
      return;
    }
    AccountId account = record.account();
    if (account != null) {
      byAccount.compute(
          account,
          (k, list) -> {
            List<CallRecord> next = list == null ? new ArrayList<>() : new ArrayList<>(list);
            next.add(record);
            return List.copyOf(next);
          });
    }
  }

  @Override
  public Optional<CallRecord> find(String sessionId) {
    return Optional.ofNullable(bySession.get(sessionId));
  }

  @Override
  public List<CallRecord> ofAccount(AccountId account) {
    return byAccount.getOrDefault(account, List.of());
  }
}

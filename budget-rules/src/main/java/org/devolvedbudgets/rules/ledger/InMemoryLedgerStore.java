package org.devolvedbudgets.rules.ledger;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.devolvedbudgets.model.id.FamilyId;
import org.jspecify.annotations.Nullable;

/**
 * A {@link LedgerStore} that keeps the journal in memory, for tests, simulations and systems that persist
 * elsewhere. Appends and reads are serialised on the store's monitor, each a few list operations.
 *
 * <p>This class is thread-safe.
 */
public final class InMemoryLedgerStore implements LedgerStore {

  private final List<LedgerEvent> journal = new ArrayList<>();
  private final Map<FamilyId, List<LedgerEvent>> byFamily = new HashMap<>();

  /** Creates an empty store. */
  public InMemoryLedgerStore() {}

  @Override
  public synchronized long lastSequence() {
    return journal.size();
  }

  @Override
  public void append(long expectedLastSequence, List<LedgerEvent> events) {
    append(expectedLastSequence, null, events);
  }

  /** Appends, checking the journal's last event is {@code expectedLast} when it is given. */
  @Override
  public void append(long expectedLastSequence, @Nullable LedgerEvent expectedLast, List<LedgerEvent> events) {
    List<LedgerEvent> batch = LedgerStore.checkAppend(expectedLastSequence, events);
    LedgerStore.checkExpectedLast(expectedLastSequence, expectedLast);
    synchronized (this) {
      if (journal.size() != expectedLastSequence || expectedLast != null
          && !journal.get((int) expectedLastSequence - 1).equals(expectedLast)) {
        throw new ConcurrentAppendException(expectedLastSequence, journal.size());
      }
      journal.addAll(batch);
      for (LedgerEvent event : batch) {
        byFamily.computeIfAbsent(event.familyId(), family -> new ArrayList<>()).add(event);
      }
    }
  }

  @Override
  public synchronized List<LedgerEvent> read(long afterSequence, int maxEvents) {
    if (afterSequence < 0) {
      throw new IllegalArgumentException("afterSequence must not be negative, but was " + afterSequence);
    }
    if (maxEvents < 1) {
      throw new IllegalArgumentException("maxEvents must be at least 1, but was " + maxEvents);
    }
    if (afterSequence >= journal.size()) {
      return List.of();
    }
    int from = (int) afterSequence;
    return List.copyOf(journal.subList(from, (int) Math.min(journal.size(), (long) from + maxEvents)));
  }

  @Override
  public synchronized List<LedgerEvent> readFamily(FamilyId familyId) {
    requireNonNull(familyId, "familyId");
    return List.copyOf(byFamily.getOrDefault(familyId, List.of()));
  }

  @Override
  public synchronized List<LedgerEvent> readAll() {
    return List.copyOf(journal);
  }

  /**
   * Returns a developer's form: the number of events.
   *
   * @return the text form, not null
   */
  @Override
  public synchronized String toString() {
    return "InMemoryLedgerStore[" + journal.size() + " events]";
  }
}

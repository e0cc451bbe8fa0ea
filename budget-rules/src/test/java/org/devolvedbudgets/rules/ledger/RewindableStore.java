package org.devolvedbudgets.rules.ledger;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.devolvedbudgets.model.id.FamilyId;
import org.jspecify.annotations.Nullable;

/**
 * A journal in memory that can lose its tail, as a database restored from an older backup or a standby promoted
 * while behind does: for the tests of a journal that went back. Thread-safe.
 */
public final class RewindableStore implements LedgerStore {

  private final List<LedgerEvent> journal = new ArrayList<>();

  /** Creates an empty journal. */
  public RewindableStore() {}

  /**
   * Forgets every event after {@code sequence}.
   *
   * @param sequence the last event kept
   */
  public synchronized void cutAfter(long sequence) {
    journal.subList((int) sequence, journal.size()).clear();
  }

  @Override
  public synchronized long lastSequence() {
    return journal.size();
  }

  @Override
  public void append(long expectedLastSequence, List<LedgerEvent> events) {
    append(expectedLastSequence, null, events);
  }

  @Override
  public void append(long expectedLastSequence, @Nullable LedgerEvent expectedLast, List<LedgerEvent> events) {
    List<LedgerEvent> batch = LedgerStore.checkAppend(expectedLastSequence, events);
    synchronized (this) {
      if (journal.size() != expectedLastSequence || expectedLast != null
          && !journal.get((int) expectedLastSequence - 1).equals(expectedLast)) {
        throw new ConcurrentAppendException(expectedLastSequence, journal.size());
      }
      journal.addAll(batch);
    }
  }

  @Override
  public synchronized List<LedgerEvent> read(long afterSequence, int maxEvents) {
    if (afterSequence >= journal.size()) {
      return List.of();
    }
    return List.copyOf(journal.subList((int) afterSequence,
        (int) Math.min(journal.size(), afterSequence + maxEvents)));
  }

  @Override
  public synchronized List<LedgerEvent> readFamily(FamilyId familyId) {
    requireNonNull(familyId, "familyId");
    return journal.stream().filter(event -> event.familyId().equals(familyId)).toList();
  }
}

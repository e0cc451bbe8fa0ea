package org.devolvedbudgets.rules.ledger;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.devolvedbudgets.model.id.FamilyId;
import org.jspecify.annotations.Nullable;

/**
 * Where a {@link BudgetLedger} keeps its journal: an append-only sequence of {@link LedgerEvent}s numbered 1, 2,
 * 3, ... without gaps. Implement it to keep the journal in a database; {@link InMemoryLedgerStore} keeps it in
 * memory. An implementation proves itself by passing the contract tests in {@code budget-rules}' test jar
 * ({@code LedgerStoreContractTest}): extend the class and return a new empty store.
 *
 * <p>What every implementation guarantees:
 * <ul>
 *   <li><b>Optimistic concurrency.</b> {@link #append} succeeds only if the journal still ends at
 *       {@code expectedLastSequence}; otherwise it throws {@link ConcurrentAppendException} and appends nothing.
 *   <li><b>All or nothing.</b> The events of one append are stored together or not at all, and readers never
 *       see some of them without the rest.
 *   <li><b>Faithful.</b> Events read back are equal ({@link Object#equals}) to the events appended, in sequence
 *       order. Nothing is ever changed or removed.
 *   <li><b>Two scopes.</b> The whole journal (the pilot's scope) is read in pages by sequence number; one
 *       family's events are read by family. (Team and pilot balances are folds of family events, so no other
 *       index is needed.)
 *   <li><b>Shareable.</b> Several stores (on several servers) may keep one journal; their appends conflict
 *       rather than interleave, and each reads what the others appended.
 *   <li><b>Failures are {@link LedgerStoreException}s.</b> Any failure of the underlying storage is thrown as
 *       one, so the ledger can tell it from a conflict and from bad input.
 *   <li><b>Thread-safe.</b> Every method may be called from any thread at any time.
 * </ul>
 */
public interface LedgerStore {

  /**
   * Returns the sequence number of the last event, or 0 if the journal is empty.
   *
   * @return the last sequence number, 0 or more
   */
  long lastSequence();

  /**
   * Appends events atomically, if the journal still ends at {@code expectedLastSequence}.
   *
   * @param expectedLastSequence the sequence number the writer expects the journal to end at, 0 or more
   * @param events one or more events numbered {@code expectedLastSequence + 1}, {@code + 2}, ..., not null
   * @throws NullPointerException if {@code events} or an event is null
   * @throws IllegalArgumentException if {@code events} is empty, {@code expectedLastSequence} is negative, or the
   *     events are not numbered consecutively from {@code expectedLastSequence + 1}
   * @throws ConcurrentAppendException if the journal does not end at {@code expectedLastSequence}; nothing was
   *     appended
   * @throws LedgerStoreException if the store failed; the events may or may not have been appended (a commit
   *     whose answer was lost), which the ledger settles by reading the journal back
   */
  void append(long expectedLastSequence, List<LedgerEvent> events);

  /**
   * Appends events atomically, if the journal still ends at {@code expectedLastSequence} with the very event the
   * writer folded there: so that a writer whose journal was cut short and written again by another (a database
   * restored from a backup, a standby promoted while behind) cannot append after events it never read. The default
   * checks the sequence only ({@link #append(long, List)}); {@link InMemoryLedgerStore} and {@code JdbcLedgerStore}
   * check the event too, the latter by the digest of its row.
   *
   * @param expectedLastSequence the sequence number the writer expects the journal to end at, 0 or more
   * @param expectedLast the event the writer folded at {@code expectedLastSequence}, or null if it has none (an
   *     empty journal) or does not know it
   * @param events one or more events numbered {@code expectedLastSequence + 1}, {@code + 2}, ..., not null
   * @throws NullPointerException if {@code events} or an event is null
   * @throws IllegalArgumentException as {@link #append(long, List)} does, or if {@code expectedLast} is not
   *     numbered {@code expectedLastSequence}
   * @throws ConcurrentAppendException if the journal does not end at {@code expectedLastSequence}, or holds another
   *     event there; nothing was appended
   * @throws LedgerStoreException as {@link #append(long, List)} does
   */
  default void append(long expectedLastSequence, @Nullable LedgerEvent expectedLast, List<LedgerEvent> events) {
    checkExpectedLast(expectedLastSequence, expectedLast);
    append(expectedLastSequence, events);
  }

  /**
   * Checks that an append's expected last event, if given, is numbered as the journal's expected end: for store
   * implementations.
   *
   * @param expectedLastSequence the sequence number the writer expects the journal to end at
   * @param expectedLast the event it folded there, or null
   * @throws IllegalArgumentException if {@code expectedLast} has another sequence
   */
  static void checkExpectedLast(long expectedLastSequence, @Nullable LedgerEvent expectedLast) {
    if (expectedLast != null && expectedLast.sequence() != expectedLastSequence) {
      throw new IllegalArgumentException("expectedLast must be event " + expectedLastSequence + ", but is event "
          + expectedLast.sequence());
    }
  }

  /**
   * Checks the arguments of an {@link #append} as every store must, before it looks at its journal: for store
   * implementations, so that each refuses bad input with the same messages.
   *
   * @param expectedLastSequence the sequence number the writer expects the journal to end at
   * @param events the events to append
   * @return an immutable copy of {@code events}, not null
   * @throws NullPointerException if {@code events} or an event is null
   * @throws IllegalArgumentException if {@code events} is empty, {@code expectedLastSequence} is negative, or the
   *     events are not numbered consecutively from {@code expectedLastSequence + 1}
   */
  static List<LedgerEvent> checkAppend(long expectedLastSequence, List<LedgerEvent> events) {
    requireNonNull(events, "events");
    if (expectedLastSequence < 0) {
      throw new IllegalArgumentException("expectedLastSequence must not be negative, but was "
          + expectedLastSequence);
    }
    if (events.isEmpty()) {
      throw new IllegalArgumentException("events must not be empty");
    }
    for (int i = 0; i < events.size(); i++) {
      LedgerEvent event = requireNonNull(events.get(i), "events[" + i + "]");
      long expected = expectedLastSequence + 1 + i;
      if (event.sequence() != expected) {
        throw new IllegalArgumentException("events[" + i + "] must have sequence " + expected + ", but has "
            + event.sequence());
      }
    }
    return List.copyOf(events);
  }

  /**
   * Reads a page of the whole journal.
   *
   * @param afterSequence read events numbered above this, 0 or more (0 reads from the start)
   * @param maxEvents the most events to return, 1 or more
   * @return an immutable list of events in sequence order, empty when there are no more, not null
   * @throws IllegalArgumentException if {@code afterSequence} is negative or {@code maxEvents} below 1
   */
  List<LedgerEvent> read(long afterSequence, int maxEvents);

  /**
   * Reads every event about one family, in sequence order.
   *
   * @param familyId the family, not null
   * @return an immutable list, empty if the family has none, not null
   * @throws NullPointerException if {@code familyId} is null
   */
  List<LedgerEvent> readFamily(FamilyId familyId);

  /**
   * Reads the whole journal for a ledger that is starting, handing it to {@code pages} in sequence order, one page
   * after another. The default reads it with {@link #read} a page of {@code 10,000} events at a time. A store may
   * serve the journal's start from a snapshot it keeps instead, provided it has checked the snapshot against the
   * journal and hands over exactly the journal's events; {@code JdbcLedgerStore} does. {@code
   * BudgetLedger.verifyJournal} never uses this: it always reads the journal itself.
   *
   * @param pages receives each page, an immutable non-empty list, on the calling thread, not null
   * @throws NullPointerException if {@code pages} is null
   */
  default void readForStart(Consumer<List<LedgerEvent>> pages) {
    requireNonNull(pages, "pages");
    long after = 0;
    for (List<LedgerEvent> page = read(after, 10_000); !page.isEmpty(); page = read(after, 10_000)) {
      pages.accept(page);
      after = page.get(page.size() - 1).sequence();
    }
  }

  /**
   * Reads the whole journal in sequence order, a page of {@code 10,000} events at a time.
   *
   * @return an immutable list of every event, not null
   */
  default List<LedgerEvent> readAll() {
    List<LedgerEvent> all = new ArrayList<>();
    long after = 0;
    while (true) {
      List<LedgerEvent> page = read(after, 10_000);
      if (page.isEmpty()) {
        return List.copyOf(all);
      }
      all.addAll(page);
      after = page.get(page.size() - 1).sequence();
    }
  }
}

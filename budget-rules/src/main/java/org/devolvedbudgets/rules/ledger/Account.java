package org.devolvedbudgets.rules.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Posted and reserved minor units per day of one account (an allowance counted for one holder, or a family's
 * whole spending): days ascending in a primitive array, with the amounts in two parallel ones. Most events land on
 * the account's latest day, which is checked first. Why not a map of days: a replay folds millions of events, and
 * boxed days and tallies made it about three times slower.
 *
 * <p>Not thread-safe: guarded by the ledger's lock of the scope the account belongs to.
 */
final class Account {

  private int size;
  private long[] days = new long[2];
  private long[] posted = new long[2];
  private long[] reserved = new long[2];
  /** The entries awaiting approval that charge this account; null until one does (most spends never do). */
  private @Nullable ArrayList<RequestEntry> awaiting;

  private int indexOf(long day) {
    if (size > 0 && days[size - 1] == day) {
      return size - 1;
    }
    return Arrays.binarySearch(days, 0, size, day);
  }

  long posted(long day) {
    int i = indexOf(day);
    return i < 0 ? 0 : posted[i];
  }

  long reserved(long day) {
    int i = indexOf(day);
    return i < 0 ? 0 : reserved[i];
  }

  /** Adds to one day; the caller has checked that neither amount goes negative or overflows. */
  void add(long day, long postedChange, long reservedChange) {
    int i = indexOf(day);
    if (i < 0) {
      i = -i - 1;
      if (size == days.length) {
        int capacity = size * 2;
        days = Arrays.copyOf(days, capacity);
        posted = Arrays.copyOf(posted, capacity);
        reserved = Arrays.copyOf(reserved, capacity);
      }
      System.arraycopy(days, i, days, i + 1, size - i);
      System.arraycopy(posted, i, posted, i + 1, size - i);
      System.arraycopy(reserved, i, reserved, i + 1, size - i);
      days[i] = day;
      posted[i] = 0;
      reserved[i] = 0;
      size++;
    }
    posted[i] += postedChange;
    reserved[i] += reservedChange;
  }

  /**
   * Sums the days in {@code [from, to)}: {posted, reserved}, leaving out the holds awaiting approval that have
   * lapsed by {@code asOf} (none if it is null).
   */
  long[] sum(long from, long to, @Nullable Instant asOf) {
    int i = Arrays.binarySearch(days, 0, size, from);
    long[] sum = new long[2];
    for (i = i < 0 ? -i - 1 : i; i < size && days[i] < to; i++) {
      sum[0] += posted[i];
      sum[1] += reserved[i];
    }
    if (asOf != null && awaiting != null) {
      for (RequestEntry entry : awaiting) {
        if (entry.lapsedBy(asOf) && entry.day >= from && entry.day < to) {
          sum[1] -= entry.heldOn(this);
        }
      }
    }
    return sum;
  }

  void await(RequestEntry entry) {
    if (awaiting == null) {
      awaiting = new ArrayList<>(2);
    }
    awaiting.add(entry);
  }

  void stopAwaiting(RequestEntry entry) {
    if (awaiting != null) {
      awaiting.remove(entry);
    }
  }

  /** The entries awaiting approval that charge this account and have lapsed by {@code asOf}. */
  List<RequestEntry> lapsed(Instant asOf) {
    List<RequestEntry> lapsed = null;
    if (awaiting != null) {
      for (RequestEntry entry : awaiting) {
        if (entry.lapsedBy(asOf)) {
          if (lapsed == null) {
            lapsed = new ArrayList<>(2);
          }
          lapsed.add(entry);
        }
      }
    }
    return lapsed == null ? List.of() : lapsed;
  }

  /** Adds every non-zero day to {@code lines}, keyed by {@code name} and the day, for comparing two folds. */
  void describeInto(String name, Map<String, String> lines) {
    for (int i = 0; i < size; i++) {
      if (posted[i] != 0 || reserved[i] != 0) {
        lines.put("account " + name + "/" + LocalDate.ofEpochDay(days[i]),
            posted[i] + " posted, " + reserved[i] + " reserved");
      }
    }
  }
}

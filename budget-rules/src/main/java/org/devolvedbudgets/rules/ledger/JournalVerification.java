package org.devolvedbudgets.rules.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The proof that the ledger's state is its journal's fold: the whole journal read from the store (never from a
 * snapshot) and folded into fresh balances and views, compared with the live ones line by line. A difference stops
 * the ledger.
 *
 * <p>This class is thread-safe.
 */
final class JournalVerification {

  private final LedgerParts parts;

  JournalVerification(LedgerParts parts) {
    this.parts = parts;
  }

  void verify() {
    parts.catchUp.catchUp(LedgerUnavailableException.Reason.STORE_FAILED);
    parts.folded.appendLock.lock();
    try {
      long upTo = parts.folded.lastSequence();
      List<LedgerEvent> journal = new ArrayList<>();
      for (List<LedgerEvent> page = parts.store.read(0, CatchUp.PAGE); !page.isEmpty() && journal.size() < upTo;
          page = parts.store.read(journal.size(), CatchUp.PAGE)) {
        journal.addAll(page);
      }
      if (journal.size() > upTo) {
        journal.subList((int) upTo, journal.size()).clear(); // another server appended meanwhile
      }
      String difference = difference(journal, upTo);
      if (difference != null) {
        throw parts.folded.stop("the journal does not reproduce the balances: " + difference);
      }
    } finally {
      parts.folded.appendLock.unlock();
    }
  }

  private @Nullable String difference(List<LedgerEvent> journal, long upTo) {
    for (int i = 0; i < journal.size(); i++) {
      if (journal.get(i).sequence() != i + 1) {
        return "the store's journal has event " + journal.get(i).sequence() + " at position " + (i + 1);
      }
    }
    if (journal.size() != upTo) {
      return "the store holds " + journal.size() + " events, the ledger recorded " + upTo;
    }
    Balances balances = new Balances(parts.currency, journal.size());
    Views views = new Views(parts.history, balances, new Scopes());
    for (LedgerEvent event : journal) {
      views.fold(event, balances.apply(event));
    }
    String difference = compare(parts.balances.fingerprint(), balances.fingerprint());
    return difference != null ? difference : compare(parts.views.describe(), views.describe());
  }

  private static @Nullable String compare(Map<String, String> live, Map<String, String> fold) {
    for (Map.Entry<String, String> line : live.entrySet()) {
      if (!line.getValue().equals(fold.get(line.getKey()))) {
        return line.getKey() + " is " + line.getValue() + " in the ledger but " + fold.get(line.getKey())
            + " in the journal";
      }
    }
    return live.size() == fold.size() ? null
        : "the journal holds " + fold.size() + " lines, the ledger " + live.size();
  }
}

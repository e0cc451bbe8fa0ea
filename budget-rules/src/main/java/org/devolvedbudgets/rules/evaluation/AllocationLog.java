package org.devolvedbudgets.rules.evaluation;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.devolvedbudgets.rules.allocation.AllocationRecord;
import org.devolvedbudgets.rules.ledger.LedgerEvent;

/**
 * The allocation log of a scheme, for a trial's statistician: every allocation the ledger recorded, in the order
 * recorded, with the family pseudonymised as in {@link PseudonymisedCsv} (the same key gives the same family the
 * same pseudonym in both files, so they join). Columns: {@link DataDictionary#ALLOCATIONS}.
 *
 * <p>Stateless and thread-safe.
 */
public final class AllocationLog {

  private AllocationLog() {}

  /**
   * Writes the log as CSV after a header row.
   *
   * @param events the ledger's events in sequence order, not null
   * @param key the pseudonyms' secret key, as for {@link PseudonymisedCsv#write}, not null
   * @param out where to write, not null; not closed
   * @return the number of rows written
   * @throws NullPointerException if an argument or an event is null
   * @throws IllegalArgumentException if the key is too short or too weak
   * @throws UncheckedIOException if {@code out} fails
   */
  public static int write(List<? extends LedgerEvent> events, byte[] key, Appendable out) {
    requireNonNull(events, "events");
    requireNonNull(out, "out");
    PseudonymisedCsv.pseudonym(key, "family", org.devolvedbudgets.model.id.FamilyId.of("check")); // checks the key
    int rows = 0;
    try {
      out.append(DataDictionary.ALLOCATIONS.header()).append("\r\n");
      for (LedgerEvent event : events) {
        if (requireNonNull(event, "events contains null") instanceof LedgerEvent.Allocated) {
          AllocationRecord record = ((LedgerEvent.Allocated) event).record();
          out.append(PseudonymisedCsv.pseudonym(key, "family", record.familyId())).append(',')
              .append(record.stratum().map(band -> band.youngest() + "-" + band.oldest()).orElse("")).append(',')
              .append(record.arm().name()).append(',').append(record.allocatedOn().toString()).append(',')
              .append(record.method().name()).append("\r\n");
          rows++;
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.devolvedbudgets.rules.evaluation;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.rules.allocation.AllocationRecord;
import org.devolvedbudgets.rules.allocation.Arm;
import org.devolvedbudgets.rules.ledger.LedgerEvent;

/**
 * The CONSORT-style flow of a scheme's families through a report's range, per arm: how many were
 * <em>allocated</em> to it (a ledger allocation dated before the range ends; a family allocated twice counts in
 * its latest arm), how many of those <em>applied</em> (made at least one request in the range), how many
 * <em>received</em> money (paid, net of refunds, for such a request), and how many are <em>analysed</em> by
 * intention to treat: every family allocated, whatever it received. Under a scheme that does not randomise,
 * every family is in {@link Arm#NOT_RANDOMISED}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ConsortFlow {

  /**
   * One arm's counts.
   *
   * @param arm the arm, not null
   * @param allocated families allocated to it, 0 or more
   * @param applied of those, families that made a request in the range
   * @param received of those, families paid for such a request
   * @param analysed families analysed by intention to treat: all allocated
   */
  public record ArmFlow(Arm arm, int allocated, int applied, int received, int analysed) {

    /**
     * Checks the counts fit inside each other.
     *
     * @param arm the arm
     * @param allocated allocated
     * @param applied applied
     * @param received received
     * @param analysed analysed
     * @throws NullPointerException if {@code arm} is null
     * @throws IllegalArgumentException unless {@code 0 <= received <= applied <= allocated == analysed}
     */
    public ArmFlow {
      requireNonNull(arm, "arm");
      if (received < 0 || received > applied || applied > allocated || analysed != allocated) {
        throw new IllegalArgumentException("counts must satisfy 0 <= received <= applied <= allocated == analysed, "
            + "but were received " + received + ", applied " + applied + ", allocated " + allocated
            + ", analysed " + analysed);
      }
    }
  }

  private final Map<Arm, ArmFlow> arms;

  private ConsortFlow(Map<Arm, ArmFlow> arms) {
    this.arms = arms;
  }

  /**
   * Computes the flow from a scheme's events and the report over them.
   *
   * @param events the ledger's events, those the report was computed from, not null
   * @param report the report, for its range and its requests, not null
   * @return the flow, not null
   * @throws NullPointerException if an argument or an event is null
   */
  public static ConsortFlow of(List<? extends LedgerEvent> events, EvaluationReport report) {
    requireNonNull(events, "events");
    requireNonNull(report, "report");
    Map<FamilyId, Arm> allocated = new HashMap<>();
    for (LedgerEvent event : events) {
      if (requireNonNull(event, "events contains null") instanceof LedgerEvent.Allocated) {
        AllocationRecord record = ((LedgerEvent.Allocated) event).record();
        if (record.allocatedOn().isBefore(report.range().end())) {
          allocated.put(record.familyId(), record.arm());
        }
      }
    }
    Set<FamilyId> applied = new HashSet<>();
    Map<FamilyId, Long> spent = new HashMap<>();
    for (RequestSummary request : report.requests()) {
      applied.add(request.familyId());
      spent.merge(request.familyId(), request.spent().minorUnits(), Long::sum);
    }
    Map<Arm, int[]> counts = new EnumMap<>(Arm.class);
    allocated.forEach((family, arm) -> {
      int[] count = counts.computeIfAbsent(arm, any -> new int[3]);
      count[0]++;
      if (applied.contains(family)) {
        count[1]++;
        if (spent.getOrDefault(family, 0L) > 0) {
          count[2]++;
        }
      }
    });
    Map<Arm, ArmFlow> arms = new EnumMap<>(Arm.class);
    counts.forEach((arm, count) -> arms.put(arm, new ArmFlow(arm, count[0], count[1], count[2], count[0])));
    return new ConsortFlow(arms);
  }

  /**
   * Returns each arm that has allocated families, in the order of {@link Arm}.
   *
   * @return the arms' counts, immutable, not null
   */
  public List<ArmFlow> arms() {
    return List.copyOf(arms.values());
  }

  /**
   * Writes the counts as CSV, a row per arm after the header {@link DataDictionary#CONSORT} describes.
   *
   * @param out where to write, not null; not closed
   * @throws NullPointerException if {@code out} is null
   * @throws UncheckedIOException if {@code out} fails
   */
  public void writeCsv(Appendable out) {
    requireNonNull(out, "out");
    try {
      out.append(DataDictionary.CONSORT.header()).append("\r\n");
      for (ArmFlow arm : arms.values()) {
        out.append(arm.arm().name()).append(',').append(Integer.toString(arm.allocated())).append(',')
            .append(Integer.toString(arm.applied())).append(',').append(Integer.toString(arm.received()))
            .append(',').append(Integer.toString(arm.analysed())).append("\r\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns a developer's form: each arm's counts.
   *
   * @return the text form, not null
   */
  @Override
  public String toString() {
    return "ConsortFlow" + arms.values();
  }
}

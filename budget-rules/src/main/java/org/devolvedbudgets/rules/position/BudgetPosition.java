package org.devolvedbudgets.rules.position;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.devolvedbudgets.model.id.AllowanceId;
import org.devolvedbudgets.model.id.Identifier;
import org.devolvedbudgets.rules.allocation.AllocationRecord;
import org.jspecify.annotations.Nullable;

/**
 * What is already used of the allowances a request touches, as of the request's date: for each allowance (by id) and
 * holder (the family, each child, the team, the whole pilot) the {@link Usage} in the period containing that
 * date; the family's usage within the approval policy's cumulative window; and the family's
 * {@link AllocationRecord}, where the scheme needs one.
 *
 * <p>A usage that is not given counts as nothing used: a family new to the scheme has an empty position.
 * {@code SpendRules.usageKeys(configuration, request)} lists every usage a request needs, so a ledger can add
 * up exactly those.
 *
 * <pre>{@code
 * BudgetPosition position = BudgetPosition.builder()
 *     .usage(AllowanceId.of("family-fy"), familyId, Usage.of(financialYear, spent, reserved))
 *     .pilotUsage(AllowanceId.of("pilot-grant"), Usage.of(wholePilot, pilotSpent, pilotReserved))
 *     .build();
 * }</pre>
 *
 * <p>This class is immutable and thread-safe. {@link #usageOrNull} looks a usage up without allocating.
 */
public final class BudgetPosition {

  /** The holder name for a usage counted across the whole pilot: the empty string, never a valid id. */
  public static final String PILOT = "";

  private static final BudgetPosition EMPTY = new BudgetPosition(Map.of(), null, null, null);

  private final Map<AllowanceId, Map<String, Usage>> usages;
  private final @Nullable Usage familyWindow;
  private final @Nullable AllocationRecord allocation;
  private final @Nullable OverdueEvidence overdueEvidence;

  private BudgetPosition(Map<AllowanceId, Map<String, Usage>> usages, @Nullable Usage familyWindow,
      @Nullable AllocationRecord allocation, @Nullable OverdueEvidence overdueEvidence) {
    this.usages = usages;
    this.familyWindow = familyWindow;
    this.allocation = allocation;
    this.overdueEvidence = overdueEvidence;
  }

  /**
   * Returns the position of a family with nothing used and no allocation record.
   *
   * @return the empty position, not null
   */
  public static BudgetPosition empty() {
    return EMPTY;
  }

  /**
   * Returns a new builder.
   *
   * @return a builder, not null
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the usage of an allowance for a holder, if given.
   *
   * @param allowanceId the allowance's id, not null
   * @param holder the family, child or team id's value, or {@link #PILOT}, not null
   * @return the usage, not null
   */
  public Optional<Usage> usage(AllowanceId allowanceId, String holder) {
    return Optional.ofNullable(usageOrNull(requireNonNull(allowanceId, "allowanceId"),
        requireNonNull(holder, "holder")));
  }

  /**
   * Returns the usage, or null if not given: the allocation-free form the rules use.
   *
   * @param allowanceId the allowance's id
   * @param holder the holder
   * @return the usage or null
   */
  public @Nullable Usage usageOrNull(AllowanceId allowanceId, String holder) {
    Map<String, Usage> byHolder = usages.get(allowanceId);
    return byHolder == null ? null : byHolder.get(holder);
  }

  /**
   * Returns every usage given for an allowance, by holder.
   *
   * @param allowanceId the allowance's id, not null
   * @return an immutable map from holder to usage, empty if none, not null
   */
  public Map<String, Usage> usagesOf(AllowanceId allowanceId) {
    return usages.getOrDefault(requireNonNull(allowanceId, "allowanceId"), Map.of());
  }

  /**
   * Returns the family's posted and reserved spending within the cumulative threshold's window, if given.
   *
   * @return the usage, not null
   */
  public Optional<Usage> familyWindow() {
    return Optional.ofNullable(familyWindow);
  }

  /**
   * Returns the family's spending in the cumulative window, or null if not given: {@link #familyWindow()}
   * without the {@code Optional}, for the decision's hot path.
   *
   * @return the usage, or null
   */
  public @Nullable Usage familyWindowOrNull() {
    return familyWindow;
  }

  /**
   * Returns the family's allocation record, if given.
   *
   * @return the record, not null
   */
  public Optional<AllocationRecord> allocation() {
    return Optional.ofNullable(allocation);
  }

  /**
   * Returns the family's allocation record, or null if not given: {@link #allocation()} without the
   * {@code Optional}, for the decision's hot path.
   *
   * @return the record, or null
   */
  public @Nullable AllocationRecord allocationOrNull() {
    return allocation;
  }

  /**
   * Returns the requesting worker's overdue evidence, where the scheme's evidence policy lets it affect new
   * requests and some is overdue on the request's date.
   *
   * @return the overdue evidence, or empty, not null
   */
  public Optional<OverdueEvidence> overdueEvidence() {
    return Optional.ofNullable(overdueEvidence);
  }

  /**
   * Returns a developer's form listing every usage.
   *
   * @return the text form, not null
   */
  @Override
  public String toString() {
    return "BudgetPosition[usages=" + usages + (familyWindow == null ? "" : ", familyWindow=" + familyWindow)
        + (allocation == null ? "" : ", allocation=" + allocation)
        + (overdueEvidence == null ? "" : ", overdueEvidence=" + overdueEvidence) + "]";
  }

  /**
   * Builds {@link BudgetPosition} values. Each method rejects null with a {@link NullPointerException} naming
   * the parameter, and a second usage for the same allowance and holder with an
   * {@link IllegalArgumentException}.
   *
   * <p>Builders are not thread-safe.
   */
  public static final class Builder {

    private final Map<AllowanceId, Map<String, Usage>> usages = new HashMap<>();
    private @Nullable Usage familyWindow;
    private @Nullable AllocationRecord allocation;
    private @Nullable OverdueEvidence overdueEvidence;

    private Builder() {}

    /**
     * Adds the usage of a family, child or team allowance.
     *
     * @param allowanceId the allowance's id, not null
     * @param holder the family, child or team it is counted for, not null
     * @param usage what is used, not null
     * @return this builder
     * @throws IllegalArgumentException if a usage for this allowance and holder was already added
     */
    public Builder usage(AllowanceId allowanceId, Identifier<?> holder, Usage usage) {
      return put(allowanceId, requireNonNull(holder, "holder").value(), usage);
    }

    /**
     * Adds the usage of a whole-pilot allowance.
     *
     * @param allowanceId the allowance's id, not null
     * @param usage what is used, not null
     * @return this builder
     * @throws IllegalArgumentException if a pilot usage for this allowance was already added
     */
    public Builder pilotUsage(AllowanceId allowanceId, Usage usage) {
      return put(allowanceId, PILOT, usage);
    }

    /**
     * Adds the usage a {@link UsageKey} asks for.
     *
     * @param key the key, not null
     * @param usage what is used, not null, in the key's period
     * @return this builder
     * @throws IllegalArgumentException if the usage's period is not the key's, or a usage for this allowance and
     *     holder was already added
     */
    public Builder usage(UsageKey key, Usage usage) {
      requireNonNull(key, "key");
      requireNonNull(usage, "usage");
      if (!usage.period().equals(key.period())) {
        throw new IllegalArgumentException("usage period " + usage.period() + " is not the key's period "
            + key.period());
      }
      return put(key.allowanceId(), key.holder(), usage);
    }

    private Builder put(AllowanceId allowanceId, String holder, Usage usage) {
      requireNonNull(allowanceId, "allowanceId");
      requireNonNull(usage, "usage");
      Usage previous = usages.computeIfAbsent(allowanceId, id -> new HashMap<>()).putIfAbsent(holder, usage);
      if (previous != null) {
        throw new IllegalArgumentException("usage of '" + allowanceId + "' for "
            + (holder.isEmpty() ? "the pilot" : holder) + " was already added");
      }
      return this;
    }

    /**
     * Sets the family's usage within the cumulative threshold's window.
     *
     * @param usage the family's posted and reserved spending in the window, not null
     * @return this builder
     */
    public Builder familyWindow(Usage usage) {
      this.familyWindow = requireNonNull(usage, "usage");
      return this;
    }

    /**
     * Sets the family's allocation record.
     *
     * @param record the record, not null
     * @return this builder
     */
    public Builder allocation(AllocationRecord record) {
      this.allocation = requireNonNull(record, "record");
      return this;
    }

    /**
     * Sets the requesting worker's overdue evidence.
     *
     * @param overdue what is overdue and since when, not null
     * @return this builder
     */
    public Builder overdueEvidence(OverdueEvidence overdue) {
      this.overdueEvidence = requireNonNull(overdue, "overdue");
      return this;
    }

    /**
     * Builds the position.
     *
     * @return the position, not null
     */
    public BudgetPosition build() {
      Map<AllowanceId, Map<String, Usage>> copy = new HashMap<>();
      usages.forEach((name, byHolder) -> copy.put(name, Map.copyOf(byHolder)));
      return new BudgetPosition(Map.copyOf(copy), familyWindow, allocation, overdueEvidence);
    }
  }
}

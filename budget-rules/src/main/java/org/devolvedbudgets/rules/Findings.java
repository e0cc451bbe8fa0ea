package org.devolvedbudgets.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.rules.position.OverdueEvidence;
import org.jspecify.annotations.Nullable;

/**
 * The findings of a request that is not approved at once, made at its first finding: whether any declines, and
 * the highest tier any routes to.
 *
 * <p>Not thread-safe: made and used by one decision.
 */
final class Findings {

  private final List<Finding> list = new ArrayList<>(4);
  private boolean declined;
  private int routedTier = -1;

  /** Whether a finding declines the request. */
  boolean declined() {
    return declined;
  }

  /** The highest approval tier a finding routes to, or -1 if none does. */
  int routedTier() {
    return routedTier;
  }

  private Findings() {}

  /** Adds a finding to {@code found}, or to new findings if it is null, and returns them. */
  static Findings add(@Nullable Findings found, FindingCode code, String message, @Nullable Figures figures,
      @Nullable ApprovalRole role) {
    return add(found, code, message, figures, role, null);
  }

  /** Adds a finding with the overdue evidence behind it. */
  static Findings add(@Nullable Findings found, FindingCode code, String message, @Nullable Figures figures,
      @Nullable ApprovalRole role, @Nullable OverdueEvidence overdue) {
    Findings findings = found != null ? found : new Findings();
    findings.list.add(new Finding(code, message, figures, role, overdue));
    findings.declined |= code.declines();
    return findings;
  }

  /** Routes the request to at least {@code tier}. */
  Findings routeTo(int tier) {
    routedTier = Math.max(routedTier, tier);
    return this;
  }

  /** The findings in code order; stable, so configuration and child order are kept within a code. */
  List<Finding> sorted() {
    list.sort(Comparator.comparing(Finding::code));
    return List.copyOf(list);
  }
}

package org.devolvedbudgets.model.scheme;

import java.util.List;
import java.util.Optional;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.immutables.value.Value;

/**
 * What evidence a scheme asks for after its spends are paid, and what overdue evidence does to a worker's new
 * requests: a council's policy that receipts or card data reach the child's record within a set time.
 *
 * <p>Whose overdue evidence counts: the requesting worker's, on any family. A card platform locks the holder's
 * card, not the family's; the worker who asked for a spend is the one who chases its receipt, and a family should
 * not lose help because a receipt is late.
 *
 * <p>Invariants, checked by the {@link PilotConfiguration} that holds it: at least one requirement
 * ({@link ProblemCode#EVIDENCE_REQUIREMENT_MISSING}); a role exactly when overdue evidence routes to one
 * ({@link ProblemCode#EVIDENCE_ROLE_INCONSISTENT}), and that role one of the approval tiers'
 * ({@link ProblemCode#EVIDENCE_ROLE_NOT_A_TIER}); amounts in the scheme's currency.
 *
 * <p>This class is immutable and thread-safe.
 */
@Value.Immutable
public abstract class EvidencePolicy {

  /** What overdue evidence does to the same worker's new requests. */
  public enum WhenOverdue {
    /** Nothing: overdue evidence is reported and queried, but new requests are decided as usual. */
    NOTHING,
    /** New requests need the approval of {@link #approvedBy()} (finding
     * {@code EVIDENCE_OVERDUE_APPROVAL_REQUIRED}). */
    ROUTE,
    /** New requests are declined until the evidence arrives (finding {@code EVIDENCE_OVERDUE}). */
    DECLINE
  }

  EvidencePolicy() {}

  /**
   * Returns a new builder.
   *
   * @return the builder, not null
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the requirements, each met on its own: a spend may need a receipt within 7 days and a note that
   * other funding was tried by the day it is paid.
   *
   * @return an immutable list, at least one, not null
   */
  public abstract List<EvidenceRequirement> requirements();

  /**
   * Returns what overdue evidence does to the worker's new requests. Defaults to {@link WhenOverdue#NOTHING}.
   *
   * @return the effect, not null
   */
  @Value.Default
  public WhenOverdue whenOverdue() {
    return WhenOverdue.NOTHING;
  }

  /**
   * Returns the role whose approval a new request needs while its worker's evidence is overdue; present exactly
   * when {@link #whenOverdue()} is {@link WhenOverdue#ROUTE}.
   *
   * @return the role, or empty
   */
  public abstract Optional<ApprovalRole> approvedBy();

  /**
   * Returns the requirements a paid spend needs, in the policy's order.
   *
   * @param request the spend's request, not null
   * @param paid the amount paid, not null
   * @return the requirements that apply, possibly none, not null
   * @throws NullPointerException if an argument is null
   */
  public final List<EvidenceRequirement> requirementsFor(SpendRequest request, Money paid) {
    List<EvidenceRequirement> all = requirements();
    int applying = 0;
    for (EvidenceRequirement requirement : all) {
      applying += requirement.appliesTo(request, paid) ? 1 : 0;
    }
    if (applying == all.size()) {
      return all;
    }
    EvidenceRequirement[] found = new EvidenceRequirement[applying];
    int i = 0;
    for (EvidenceRequirement requirement : all) {
      if (requirement.appliesTo(request, paid)) {
        found[i++] = requirement;
      }
    }
    return List.of(found);
  }

  /**
   * Builds {@link EvidencePolicy} values. Each setter rejects null with a {@link NullPointerException}.
   *
   * <p>Builders are not thread-safe.
   */
  public static final class Builder extends ImmutableEvidencePolicy.Builder {
    Builder() {}
  }
}

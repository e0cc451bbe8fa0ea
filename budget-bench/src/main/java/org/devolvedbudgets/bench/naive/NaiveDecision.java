package org.devolvedbudgets.bench.naive;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.rules.FindingCode;
import org.devolvedbudgets.rules.Outcome;

/**
 * The naive baseline's decision: an outcome, every finding with its message, and the role that must approve.
 *
 * @param outcome approved, needs approval or declined
 * @param findings every finding, in code order
 * @param requiredRole the role that must approve, for a request that needs approval
 */
public record NaiveDecision(Outcome outcome, List<NaiveFinding> findings, Optional<ApprovalRole> requiredRole) {

  /**
   * One reason with its message.
   *
   * @param code the stable code
   * @param message the explanation
   */
  public record NaiveFinding(FindingCode code, String message) {}

  /**
   * Returns the findings' codes, in order.
   *
   * @return the codes, not null
   */
  public List<FindingCode> codes() {
    List<FindingCode> codes = new ArrayList<>();
    for (NaiveFinding finding : findings) {
      codes.add(finding.code());
    }
    return codes;
  }
}

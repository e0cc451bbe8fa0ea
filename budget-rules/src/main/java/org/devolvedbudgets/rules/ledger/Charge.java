package org.devolvedbudgets.rules.ledger;

import static java.util.Objects.requireNonNull;

import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.rules.position.UsageKey;

/**
 * What one reservation holds against one allowance and holder: the {@link UsageKey} (the allowance, the family,
 * child, team or pilot it is counted for, and the period) and the amount. Against the family's, the team's and the
 * pilot's allowances that is the request's whole amount; against a per-child allowance it is that child's share
 * ({@code SpendRequest.sharesByChild()}), so a £600 outing for two siblings holds £300 against each child.
 *
 * <p>A payment or a refund is shared among a reservation's per-child charges of one allowance in proportion to them
 * (what is left of them, for a refund), by the largest-remainder rule, so each child's figures add up exactly.
 *
 * @param key the allowance, holder and period, not null
 * @param amount the amount held, positive, not null
 */
public record Charge(UsageKey key, Money amount) {

  /**
   * Checks the components.
   *
   * @param key the key component
   * @param amount the amount component
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if {@code amount} is not positive
   */
  public Charge {
    requireNonNull(key, "key");
    Checks.positive(amount, "amount");
  }
}

package org.devolvedbudgets.rules.ledger;

import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.rules.position.UsageKey;

/**
 * An account the balances count money in: an allowance, by its id's value, counted for one holder; or a family's
 * whole spending ({@link #FAMILY_SPENDING}), for the cumulative approval window.
 *
 * @param allowance the allowance id's value, or {@link #FAMILY_SPENDING}
 * @param holder the family, child, team or pilot the allowance is counted for
 */
record AccountKey(String allowance, String holder) {

  /** The account name of a family's whole spending: never a valid allowance id. */
  static final String FAMILY_SPENDING = "";

  static AccountKey of(UsageKey key) {
    return new AccountKey(key.allowanceId().value(), key.holder());
  }

  static AccountKey spendingOf(FamilyId familyId) {
    return new AccountKey(FAMILY_SPENDING, familyId.value());
  }
}

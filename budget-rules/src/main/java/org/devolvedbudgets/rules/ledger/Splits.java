package org.devolvedbudgets.rules.ledger;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a payment or money coming back is divided among the accounts of a purchase shared among children, so that
 * each account's figures stay whole pence and add up: the largest-remainder rule.
 */
final class Splits {

  private Splits() {}

  /**
   * Splits {@code total} among accounts: an account alone in its group (group -1) takes all of it; the accounts of
   * one group (the per-child charges of one allowance) share it in proportion to {@code weights}, each taking the
   * whole part of its exact share and the minor units left over going one each to the largest remainders, the
   * earlier account winning a tie. So each group's parts add up to {@code total}, and no part exceeds its weight
   * when {@code total} is at most the group's total weight.
   */
  static long[] split(long total, long[] weights, int @Nullable [] groups) {
    Objects.requireNonNull(groups, "groups");
    long[] parts = new long[weights.length];
    boolean[] done = new boolean[weights.length];
    for (int i = 0; i < weights.length; i++) {
      if (done[i]) {
        continue;
      }
      if (groups[i] < 0) {
        parts[i] = total;
        done[i] = true;
        continue;
      }
      List<Integer> members = new ArrayList<>();
      BigInteger sum = BigInteger.ZERO;
      for (int j = i; j < weights.length; j++) {
        if (groups[j] == groups[i]) {
          members.add(j);
          sum = sum.add(BigInteger.valueOf(weights[j]));
          done[j] = true;
        }
      }
      if (sum.signum() == 0) {
        continue; // nothing to share by: every part stays zero
      }
      BigInteger whole = BigInteger.valueOf(total);
      BigInteger[] remainders = new BigInteger[weights.length];
      long given = 0;
      for (int j : members) {
        BigInteger[] share = whole.multiply(BigInteger.valueOf(weights[j])).divideAndRemainder(sum);
        parts[j] = share[0].longValueExact();
        remainders[j] = share[1];
        given += parts[j];
      }
      members.sort(Comparator.<Integer, BigInteger>comparing(j -> remainders[j]).reversed()
          .thenComparing(Comparator.naturalOrder()));
      for (int k = 0; k < total - given; k++) {
        parts[members.get(k % members.size())]++;
      }
    }
    return parts;
  }

  /** What is left of each account's payment after the refunds so far: the weights money coming back is split by. */
  static long[] unrefunded(RequestEntry entry) {
    long[] paid = Objects.requireNonNull(entry.paid);
    long[] returned = Objects.requireNonNull(entry.returned);
    long[] left = new long[paid.length];
    for (int i = 0; i < left.length; i++) {
      left[i] = paid[i] - returned[i];
    }
    return left;
  }

  static long[] negated(long[] amounts) {
    long[] negated = new long[amounts.length];
    for (int i = 0; i < amounts.length; i++) {
      negated[i] = -amounts[i];
    }
    return negated;
  }
}

package org.devolvedbudgets.rules.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DistributionAndShareTest {

  @Test
  void percentilesAreNearestRank() {
    Distribution<Integer> d = Distribution.of(List.of(4, 1, 3, 2));

    assertEquals(4, d.count());
    assertEquals(List.of(1, 2, 4, 4), List.of(d.min().get(), d.median().get(), d.p90().get(), d.max().get()));
    assertEquals(3, d.percentile(75).get());
    assertEquals("Distribution[n=4, min=1, median=2, p90=4, max=4]", d.toString());
  }

  @Test
  void nearestRankOfAHundredValuesIsTheValueAtThatRank() {
    List<Integer> values = new ArrayList<>();
    for (int i = 100; i >= 1; i--) {
      values.add(i);
    }
    Distribution<Integer> d = Distribution.of(values);

    for (int p = 1; p <= 100; p++) {
      assertEquals(p, d.percentile(p).get(), "p" + p);
    }
  }

  @Test
  void aDistributionHeldAsSortedKeysEqualsOneOfTheSameValues() {
    Distribution<Long> ofValues = Distribution.of(List.of(30L, 10L, 20L, 10L));
    Distribution<Long> ofKeys = Distribution.ofKeys(new long[] {20, 10, 30, 10, 99}, 4, Long::valueOf);
    assertEquals(ofValues, ofKeys);
    assertEquals(ofValues.hashCode(), ofKeys.hashCode());
    assertEquals(ofValues.toString(), ofKeys.toString());
    assertEquals(List.of(10L, 10L, 20L, 30L).hashCode(), ofKeys.hashCode(), "hashes as a list of its values");
    assertTrue(!ofKeys.equals(Distribution.ofKeys(new long[] {20, 10, 30, 11}, 4, Long::valueOf)));
    assertTrue(!ofKeys.equals(Distribution.ofKeys(new long[] {20, 10, 30}, 3, Long::valueOf)));
  }

  @Test
  void rejectsBadInput() {
    assertTrue(Distribution.of(List.<Integer>of()).median().isEmpty());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Distribution.of(List.of(1)).percentile(101));
    assertEquals("p must be 0 to 100, but was 101", e.getMessage());
    assertThrows(NullPointerException.class, () -> Distribution.of(Arrays.asList(1, null)));
  }

  @Test
  void sharesRoundHalfUpToOneDecimal() {
    assertEquals("7 of 21 (33.3%)", Share.of(7, 21).toString());
    assertEquals("2 of 3 (66.7%)", Share.of(2, 3).toString());
    assertEquals("1 of 8 (12.5%)", Share.of(1, 8).toString());
    assertEquals("0 of 0 (0.0%)", Share.of(0, 0).toString());
    assertEquals(Share.of(1, 2), Share.of(1, 2));
    assertEquals("part must be 0 to 3, but was 4",
        assertThrows(IllegalArgumentException.class, () -> Share.of(4, 3)).getMessage());
    assertEquals("whole must not be negative, but was -1",
        assertThrows(IllegalArgumentException.class, () -> Share.of(0, -1)).getMessage());
  }
}

package org.devolvedbudgets.model.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;

class SafeTextTest {

  @Test
  void quotesShortTextAsItIs() {
    assertEquals("'GBP 12.505'", SafeText.excerpt("GBP 12.505"));
    assertEquals("''", SafeText.excerpt(""));
  }

  @Test
  void escapesControlBidiQuoteAndBackslashCharacters() {
    assertEquals("'GBP 1\\u000a0'", SafeText.excerpt("GBP 1\n0"));
    assertEquals("'\\u001b[31mred'", SafeText.excerpt("\u001b[31mred"));
    assertEquals("'txt\\u202eexe'", SafeText.excerpt("txt\u202eexe"));
    assertEquals("'it\\u0027s \\u005c'", SafeText.excerpt("it's \\"));
    assertEquals("'zero\\u200bwidth'", SafeText.excerpt("zero\u200bwidth"));
  }

  @Test
  void escapesUnsafeCharactersInTextPrintedWhole() {
    assertEquals("report\\u000a.json", SafeText.escapeUnsafe("report\n.json"));
    String plain = "C:\\scenarios\\it's.json";
    assertEquals(plain, SafeText.escapeUnsafe(plain));
  }

  @Test
  void cutsLongTextAndGivesItsLength() {
    String text = "1".repeat(10_000_000);
    assertEquals("'" + "1".repeat(32) + "...' (10000000 characters)", SafeText.excerpt(text));
  }

  @Test
  void anExcerptIsAlwaysOneLineOfPrintableAscii() {
    qt().forAll(strings().allPossible().ofLengthBetween(0, 80)).checkAssert(text -> {
      String excerpt = SafeText.excerpt(text);
      assertTrue(excerpt.chars().allMatch(c -> c >= 0x20 && c < 0x7f || c > 0x7f && !SafeText.isUnsafe(c)
          && !Character.isSurrogate((char) c)), excerpt);
      assertTrue(excerpt.length() <= 32 * 6 + 30, excerpt);
    });
  }

  @Test
  void recognisesEveryBidirectionalControl() {
    for (int c : new int[] {0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068,
        0x2069}) {
      assertTrue(SafeText.isBidiControl(c), Integer.toHexString(c));
      assertTrue(SafeText.isUnsafe(c), Integer.toHexString(c));
    }
    assertFalse(SafeText.isBidiControl('a'));
    assertFalse(SafeText.isUnsafe('é'));
    assertTrue(SafeText.isUnsafe('\u2028'));
    assertEquals(3, SafeText.indexOfUnsafe("abc\u202e"));
    assertEquals(-1, SafeText.indexOfUnsafe("Wigan"));
  }
}

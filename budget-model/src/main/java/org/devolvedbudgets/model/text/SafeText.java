package org.devolvedbudgets.model.text;

import static java.util.Objects.requireNonNull;

/**
 * Quotes bad input safely in messages. Exception messages, scenario reports and logs are read on terminals and
 * in log viewers, so input is never echoed raw: a newline in a value could forge a second line of output, a
 * terminal escape could rewrite the screen, and a right-to-left override could make {@code txt.exe} read as
 * {@code exe.txt}. {@link #excerpt(CharSequence)} keeps at most {@value #MAX_EXCERPT} characters and writes every
 * unsafe character as {@code \}{@code uXXXX}.
 *
 * <p>An excerpt is still input: quote one only for values that are not identifiers and not free text (an
 * amount, a date, a duration, an enum name). An identifier or a description may be personal data (a name typed
 * into the wrong field) and is described by its length and position of the bad character instead, never quoted.
 *
 * <table class="striped">
 *   <caption>Excerpts</caption>
 *   <thead><tr><th>input</th><th>{@code excerpt(input)}</th></tr></thead>
 *   <tbody>
 *     <tr><td>{@code GBP 12.505}</td><td>{@code 'GBP 12.505'}</td></tr>
 *     <tr><td>{@code GBP 1}, a newline, {@code 0}</td><td><code>'GBP 1&#92;u000a0'</code></td></tr>
 *     <tr><td>40 digits</td><td>the first 32, then {@code ...' (40 characters)}</td></tr>
 *   </tbody>
 * </table>
 *
 * <p>This class is stateless and thread-safe.
 */
public final class SafeText {

  /** The most characters of input an excerpt shows: 32. */
  public static final int MAX_EXCERPT = 32;

  private SafeText() {}

  /**
   * Returns a short, escaped, single-quoted excerpt of {@code text} for a message: at most {@value #MAX_EXCERPT}
   * characters of it, each unsafe character ({@link #isUnsafe(int)}) and each quote or backslash written as
   * {@code \}{@code uXXXX}; a longer text is cut and its length given.
   *
   * @param text the text, not null
   * @return the excerpt, quoted, at most about 60 characters, printable ASCII-safe for any input, not null
   * @throws NullPointerException if {@code text} is null
   */
  public static String excerpt(CharSequence text) {
    requireNonNull(text, "text");
    int shown = Math.min(text.length(), MAX_EXCERPT);
    StringBuilder out = new StringBuilder(shown + 24).append('\'');
    for (int i = 0; i < shown; i++) {
      char c = text.charAt(i);
      if (isUnsafe(c) || c == '\'' || c == '\\' || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append(shown < text.length() ? "...' (" + text.length() + " characters)" : "'");
    return out.toString();
  }

  /**
   * Returns {@code text} with every unsafe character ({@link #isUnsafe(int)}) written as {@code \}{@code uXXXX}
   * and nothing cut: for text that is not personal but is printed whole, such as a file name given on a command
   * line or a scenario's title, so that it can never break a line or hide what follows.
   *
   * @param text the text, not null
   * @return the escaped text, the same object when nothing needs escaping, not null
   * @throws NullPointerException if {@code text} is null
   */
  public static String escapeUnsafe(String text) {
    requireNonNull(text, "text");
    if (indexOfUnsafe(text) < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isUnsafe(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Returns whether a character must not reach output as it is: an ISO control character (newline, escape,
   * delete), a bidirectional formatting character ({@link #isBidiControl(int)}), another invisible formatting
   * character (such as a zero-width space), or a line or paragraph separator.
   *
   * @param codePoint the character
   * @return true if it is unsafe to print
   */
  public static boolean isUnsafe(int codePoint) {
    if (Character.isISOControl(codePoint) || isBidiControl(codePoint)) {
      return true;
    }
    int type = Character.getType(codePoint);
    return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
  }

  /**
   * Returns whether a character is one of Unicode's bidirectional formatting characters, which reorder the text
   * around them: the marks U+061C, U+200E and U+200F, the embeddings and overrides U+202A to U+202E and the
   * isolates U+2066 to U+2069.
   *
   * @param codePoint the character
   * @return true for a bidirectional control
   */
  public static boolean isBidiControl(int codePoint) {
    return codePoint == 0x061C || codePoint == 0x200E || codePoint == 0x200F
        || codePoint >= 0x202A && codePoint <= 0x202E || codePoint >= 0x2066 && codePoint <= 0x2069;
  }

  /**
   * Returns the index of the first unsafe character in {@code text} ({@link #isUnsafe(int)}), or -1 if none.
   *
   * @param text the text, not null
   * @return the index in UTF-16 units, or -1
   * @throws NullPointerException if {@code text} is null
   */
  public static int indexOfUnsafe(CharSequence text) {
    requireNonNull(text, "text");
    for (int i = 0; i < text.length(); i++) {
      if (isUnsafe(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}

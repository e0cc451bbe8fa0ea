package org.devolvedbudgets.rules;

import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.model.text.SafeText;
import org.jspecify.annotations.Nullable;

/**
 * A SHA-256 digest of the canonical form of a configuration version or a spend request, as 64 lowercase
 * hexadecimal digits. The ledger's journal records both: the fingerprint of the version each request was decided
 * under, so a ledger given changed rules refuses to fold a journal decided under others, and the fingerprint of
 * each request's whole content (its description too), which is what an idempotent retry is compared by, so the
 * description itself never has to be kept.
 *
 * <p>The canonical forms ({@link #canonicalForm(PilotConfiguration)}, {@link #canonicalForm(SpendRequest)}) are
 * plain text, one attribute per line, every attribute written out (defaults too) in a fixed order, sets sorted,
 * text length-prefixed. They are part of the journal's contract: a form never changes once released; a new form
 * would start with a new first line, and old fingerprints stay checkable by the old form. The digest is computed
 * with the JDK's own {@link MessageDigest}: no JSON library is needed to fingerprint a scheme.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Fingerprint {

  /** The number of hexadecimal digits in a fingerprint: 64. */
  public static final int LENGTH = 64;

  private static final HexFormat HEX = HexFormat.of();

  /** One digest per thread, reused: a request is fingerprinted on every submission ({@code digest} resets it). */
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(Fingerprint::sha256);

  private final String hex;

  private Fingerprint(String hex) {
    this.hex = hex;
  }

  /**
   * Returns the fingerprint of a configuration version: the SHA-256 digest of its canonical form.
   *
   * @param configuration the version, not null
   * @return the fingerprint, not null
   * @throws NullPointerException if {@code configuration} is null
   */
  public static Fingerprint of(PilotConfiguration configuration) {
    requireNonNull(configuration, "configuration");
    return new Fingerprint(HEX.formatHex(CanonicalForm.digest(configuration, SHA_256.get())));
  }

  /**
   * Returns the fingerprint of a request's whole content, description included: the SHA-256 digest of its
   * canonical form. Two requests have the same fingerprint exactly when they are equal.
   *
   * @param request the request, not null
   * @return the fingerprint, not null
   * @throws NullPointerException if {@code request} is null
   */
  public static Fingerprint of(SpendRequest request) {
    requireNonNull(request, "request");
    return new Fingerprint(HEX.formatHex(CanonicalForm.digest(request, SHA_256.get())));
  }

  /**
   * Returns the fingerprint written as {@code text}, as the journal holds it.
   *
   * @param text exactly {@value #LENGTH} hexadecimal digits, lowercase, not null
   * @return the fingerprint, not null
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if {@code text} is not {@value #LENGTH} lowercase hexadecimal digits
   */
  public static Fingerprint parse(String text) {
    requireNonNull(text, "text");
    boolean digits = text.length() == LENGTH;
    for (int i = 0; digits && i < LENGTH; i++) {
      char c = text.charAt(i);
      digits = c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
    }
    if (!digits) {
      throw new IllegalArgumentException("text must be " + LENGTH + " lowercase hexadecimal digits, but was "
          + SafeText.excerpt(text));
    }
    return new Fingerprint(text);
  }

  /**
   * Returns the canonical form of a configuration version, the text its fingerprint digests. Its first line is
   * {@code devolved-budgets configuration 1}; then council, scheme id, scheme name, version, effective date,
   * currency, term, eligibility, allocation, each allowance in order (id, name, cap, scope, period, enforcement,
   * category), each approval tier in order, the cumulative threshold, the allowed categories and blocked
   * subcategories sorted, and the cash and refund settings. A version that declares a spending freeze adds a
   * {@code spendingFreeze} line (the approving role, or {@code -}) and a {@code freezeSafeguarding} line per
   * safeguarding subcategory, sorted; a version without one is written exactly as before freezes existed, so
   * every fingerprint recorded earlier still matches. A version with an evidence policy then adds an
   * {@code evidencePolicy} line (what overdue evidence does, and the role or {@code -}) and, per requirement in
   * order, its accepted kinds, days, smallest amount, categories and payment methods (sets sorted, {@code -} for
   * none); a version without one is written as before. A version whose repayments restore the allowance adds a
   * {@code repaymentRestoresAllowance} line before those.
   *
   * @param configuration the version, not null
   * @return the canonical form, not null
   * @throws NullPointerException if {@code configuration} is null
   */
  public static String canonicalForm(PilotConfiguration configuration) {
    return CanonicalForm.of(requireNonNull(configuration, "configuration"));
  }

  /**
   * Returns the canonical form of a request, the text its fingerprint digests. Its first line is
   * {@code devolved-budgets request 1}; then every attribute, the description included. A request made subject to
   * repayment adds a {@code repayment.instalment} line per instalment and its means assessment's lines; a gift is
   * written exactly as before repayable help existed, so every fingerprint recorded earlier still matches.
   *
   * @param request the request, not null
   * @return the canonical form, not null
   * @throws NullPointerException if {@code request} is null
   */
  public static String canonicalForm(SpendRequest request) {
    return CanonicalForm.of(requireNonNull(request, "request"));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * Returns the 64 lowercase hexadecimal digits.
   *
   * @return the digits, not null
   */
  public String hex() {
    return hex;
  }

  /**
   * Returns whether {@code obj} is a fingerprint with the same digits.
   *
   * @param obj the object to compare with, may be null
   * @return true if equal
   */
  @Override
  public boolean equals(@Nullable Object obj) {
    return obj instanceof Fingerprint && hex.equals(((Fingerprint) obj).hex);
  }

  /**
   * Returns a hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return hex.hashCode();
  }

  /**
   * Returns the 64 hexadecimal digits, as {@link #hex()}.
   *
   * @return the digits, not null
   */
  @Override
  public String toString() {
    return hex;
  }
}

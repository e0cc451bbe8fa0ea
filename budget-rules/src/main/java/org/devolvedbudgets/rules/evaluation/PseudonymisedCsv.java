package org.devolvedbudgets.rules.evaluation;

import static java.util.Objects.requireNonNull;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.devolvedbudgets.model.id.Identifier;
import org.devolvedbudgets.model.money.Money;

/**
 * Writes an {@link EvaluationReport}'s requests as CSV for evaluators: one row per request, no free text, and
 * every identifier (request, family, team, worker) replaced by a keyed hash.
 *
 * <p><b>Pseudonyms.</b> Each identifier becomes the first 20 hex digits (80 bits) of HMAC-SHA256 under the
 * caller's key, over the identifier's kind and value ({@code family:F-000123}), so the same family has the same
 * pseudonym in every row and every export made with the same key, a family and a request with equal ids differ,
 * and no one without the key can recover or confirm an id. Keep the key secret and apart from the export; use a
 * new key to make exports unlinkable.
 *
 * <p><b>Why the key must be strong.</b> Case systems' ids are guessable ({@code F-000123}, {@code F-000124}, ...),
 * so anyone who knows or guesses the key can hash every candidate id and match the pseudonyms: with a key of 16
 * zero bytes or {@code password12345678}, every family in an export was re-identified in half a second. A key is
 * therefore refused unless it has at least {@value #MIN_KEY_BYTES} bytes (256 bits) and at least
 * {@value #MIN_DISTINCT_BYTES} distinct byte values, which rejects zeros, repeated words and typed passwords.
 * Those checks catch the trivially weak, not every weak key: make keys with {@link #newKey()}.
 *
 * <p><b>Columns</b> (RFC 4180, comma-separated, CRLF line ends, a header row; no field needs quoting):
 * {@value #HEADER}. Amounts are decimal in major units ({@code 12.50}) in the scheme's currency; days are ISO
 * dates in Europe/London; times are whole minutes; a field that does not apply is empty; finding codes are
 * separated by {@code ;}.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class PseudonymisedCsv {

  /** The header row, without its line end. */
  public static final String HEADER = "request,family,team,worker,arm,stratum,requested_on,category,subcategory,"
      + "payment_method,currency,amount,outcome,findings,approval_role,configuration_version,status,"
      + "minutes_to_decision,paid,minutes_to_payment,refunded";

  /** The shortest key accepted, in bytes: 32 (256 bits, the size of HMAC-SHA256's hash). */
  public static final int MIN_KEY_BYTES = 32;

  /** The fewest distinct byte values a key must hold: 16 (a random 32-byte key has about 30). */
  public static final int MIN_DISTINCT_BYTES = 16;

  private static final SecureRandom RANDOM = new SecureRandom();

  private static final String CRLF = "\r\n";

  private PseudonymisedCsv() {}

  /**
   * Writes the report's requests, in submission order, after a header row.
   *
   * @param report the report, not null
   * @param key the secret key for the pseudonyms, at least {@value #MIN_KEY_BYTES} bytes with at least
   *     {@value #MIN_DISTINCT_BYTES} distinct values (see {@link #newKey()}); copied, not kept
   * @param out where to write, not null; not closed
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code key} is shorter than {@value #MIN_KEY_BYTES} bytes or has fewer
   *     than {@value #MIN_DISTINCT_BYTES} distinct byte values (the message gives its length or its count of
   *     distinct values, never its content)
   * @throws UncheckedIOException if {@code out} fails
   */
  public static void write(EvaluationReport report, byte[] key, Appendable out) {
    requireNonNull(report, "report");
    HashFunction hmac = hmac(key);
    requireNonNull(out, "out");
    try {
      out.append(HEADER).append(CRLF);
      StringBuilder row = new StringBuilder(256);
      for (RequestSummary request : report.requests()) {
        row.setLength(0);
        row.append(pseudonym(hmac, "request", request.requestId())).append(',')
            .append(pseudonym(hmac, "family", request.familyId())).append(',')
            .append(pseudonym(hmac, "team", request.teamId())).append(',')
            .append(pseudonym(hmac, "worker", request.requestedBy())).append(',')
            .append(request.arm()).append(',')
            .append(request.stratum().map(band -> band.youngest() + "-" + band.oldest()).orElse("")).append(',')
            .append(request.requestedOn()).append(',')
            .append(request.category()).append(',')
            .append(request.subcategory().map(sub -> sub.code()).orElse("")).append(',')
            .append(request.paymentMethod()).append(',')
            .append(request.amount().currency().getCurrencyCode()).append(',')
            .append(decimal(request.amount())).append(',')
            .append(request.outcome()).append(',')
            .append(codes(request)).append(',')
            .append(request.requiredRole().map(Enum::name).orElse("")).append(',')
            .append(request.configurationVersion()).append(',')
            .append(request.status()).append(',')
            .append(minutes(request.timeToDecision())).append(',')
            .append(request.status() == RequestStatus.POSTED ? decimal(request.paid()) : "").append(',')
            .append(minutes(request.timeToPayment())).append(',')
            .append(request.refunded().isZero() ? "" : decimal(request.refunded()))
            .append(CRLF);
        out.append(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns a new random key of {@value #MIN_KEY_BYTES} bytes from {@link SecureRandom}, which every method here
   * accepts. Keep it secret, apart from the exports it keys.
   *
   * @return a new key, not null
   */
  public static byte[] newKey() {
    byte[] key = new byte[MIN_KEY_BYTES];
    do {
      RANDOM.nextBytes(key);
    } while (distinctValues(key) < MIN_DISTINCT_BYTES); // about once in 10^20 draws
    return key;
  }

  /**
   * Returns the pseudonym of an identifier under a key: what {@link #write} puts in its place.
   *
   * @param key the secret key, at least {@value #MIN_KEY_BYTES} bytes with at least {@value #MIN_DISTINCT_BYTES}
   *     distinct values
   * @param kind the column, one of {@code request}, {@code family}, {@code team}, {@code worker}
   * @param id the identifier, not null
   * @return 20 lower-case hex digits
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the key is too short or too weak, or {@code kind} is not a column named
   *     above
   */
  public static String pseudonym(byte[] key, String kind, Identifier<?> id) {
    HashFunction hmac = hmac(key);
    requireNonNull(kind, "kind");
    requireNonNull(id, "id");
    if (!List.of("request", "family", "team", "worker").contains(kind)) {
      throw new IllegalArgumentException("kind must be request, family, team or worker, but was " + kind);
    }
    return pseudonym(hmac, kind, id);
  }

  /** Checks the key (its length only ever appears in a message, never its content) and keys HMAC-SHA256. */
  private static HashFunction hmac(byte[] key) {
    requireNonNull(key, "key");
    if (key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException("key must be at least " + MIN_KEY_BYTES + " bytes, but was "
          + key.length + " bytes");
    }
    int distinct = distinctValues(key);
    if (distinct < MIN_DISTINCT_BYTES) {
      throw new IllegalArgumentException("key must hold at least " + MIN_DISTINCT_BYTES + " distinct byte values, "
          + "but holds " + distinct + ": it is too easily guessed; make one with PseudonymisedCsv.newKey()");
    }
    return Hashing.hmacSha256(key.clone());
  }

  private static int distinctValues(byte[] key) {
    boolean[] seen = new boolean[256];
    int distinct = 0;
    for (byte b : key) {
      if (!seen[b & 0xff]) {
        seen[b & 0xff] = true;
        distinct++;
      }
    }
    return distinct;
  }

  private static String pseudonym(HashFunction hmac, String kind, Identifier<?> id) {
    return hmac.hashString(kind + ":" + id.value(), StandardCharsets.UTF_8).toString().substring(0, 20);
  }

  private static String decimal(Money amount) {
    return amount.toBigDecimal().toPlainString();
  }

  private static String codes(RequestSummary request) {
    return request.codes().stream().map(Enum::name).collect(Collectors.joining(";"));
  }

  private static String minutes(Optional<Duration> duration) {
    return duration.map(d -> Long.toString(d.toMinutes())).orElse("");
  }
}

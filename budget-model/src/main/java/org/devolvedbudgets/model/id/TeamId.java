package org.devolvedbudgets.model.id;

/**
 * Identifies a social work team, such as Hillingdon's Vulnerable Adolescents Team, opaquely: for example {@code hillingdon-vat}. See {@link Identifier} for the rules every
 * identifier follows.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class TeamId extends Identifier<TeamId> {

  private TeamId(String value) {
    super("teamId", value);
  }

  /**
   * Returns the identifier with the given value.
   *
   * @param value 1 to {@value Identifier#MAX_LENGTH} characters, each a letter, a digit or one of
   *     {@code - _ . :}, and not {@code .} or {@code ..}; not null
   * @return the identifier, not null
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is empty, too long or holds another character
   */
  public static TeamId of(String value) {
    return new TeamId(value);
  }
}

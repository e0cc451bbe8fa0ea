package org.devolvedbudgets.model.spend;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.regex.Pattern;
import org.devolvedbudgets.model.text.SafeText;

/**
 * What a spend buys, within its {@link SpendCategory}: a category and a short lower-case code such as
 * {@code bedding} or {@code gym-membership}.
 *
 * <p>The constants are the examples the pilots' evaluation reported. A scheme adds its own with
 * {@link #of(SpendCategory, String)}, for example {@code Subcategory.of(PRACTICAL, "school-uniform")}. Two
 * subcategories are equal when their category and code are.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Subcategory {

  private static final Pattern CODE = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

  /** The longest code: 40 characters. */
  public static final int MAX_CODE_LENGTH = 40;

  /** Bedding. */
  public static final Subcategory BEDDING = new Subcategory(SpendCategory.PRACTICAL, "bedding");
  /** Clothing. */
  public static final Subcategory CLOTHING = new Subcategory(SpendCategory.PRACTICAL, "clothing");
  /** Nappies. */
  public static final Subcategory NAPPIES = new Subcategory(SpendCategory.PRACTICAL, "nappies");
  /** Home improvements, such as a new kitchen. */
  public static final Subcategory HOME_IMPROVEMENTS =
      new Subcategory(SpendCategory.PRACTICAL, "home-improvements");
  /** Rent arrears. */
  public static final Subcategory RENT_ARREARS = new Subcategory(SpendCategory.PRACTICAL, "rent-arrears");
  /** A replacement car. (VAT on buying a car is never recoverable.) */
  public static final Subcategory CAR = new Subcategory(SpendCategory.PRACTICAL, "car");
  /** A caravan, for example for kinship carers. */
  public static final Subcategory CARAVAN = new Subcategory(SpendCategory.PRACTICAL, "caravan");
  /** Travel. */
  public static final Subcategory TRAVEL = new Subcategory(SpendCategory.PRACTICAL, "travel");

  /** A psychological assessment. */
  public static final Subcategory PSYCHOLOGICAL_ASSESSMENT =
      new Subcategory(SpendCategory.THERAPEUTIC, "psychological-assessment");
  /** Counselling for a child or a parent. */
  public static final Subcategory COUNSELLING = new Subcategory(SpendCategory.THERAPEUTIC, "counselling");
  /** Therapy that would otherwise mean a long wait. */
  public static final Subcategory THERAPY = new Subcategory(SpendCategory.THERAPEUTIC, "therapy");
  /** Respite care. */
  public static final Subcategory RESPITE_CARE = new Subcategory(SpendCategory.THERAPEUTIC, "respite-care");

  /** A meal or a drink out. */
  public static final Subcategory MEAL_OUT = new Subcategory(SpendCategory.RELATIONSHIP_BUILDING, "meal-out");
  /** An activity together, such as go-karting. */
  public static final Subcategory ACTIVITY = new Subcategory(SpendCategory.RELATIONSHIP_BUILDING, "activity");
  /** Gym membership. */
  public static final Subcategory GYM_MEMBERSHIP =
      new Subcategory(SpendCategory.RELATIONSHIP_BUILDING, "gym-membership");
  /** A day out together. */
  public static final Subcategory DAY_OUT = new Subcategory(SpendCategory.RELATIONSHIP_BUILDING, "day-out");

  private static final List<Subcategory> STANDARD = List.of(
      BEDDING, CLOTHING, NAPPIES, HOME_IMPROVEMENTS, RENT_ARREARS, CAR, CARAVAN, TRAVEL,
      PSYCHOLOGICAL_ASSESSMENT, COUNSELLING, THERAPY, RESPITE_CARE,
      MEAL_OUT, ACTIVITY, GYM_MEMBERSHIP, DAY_OUT);

  private final SpendCategory category;
  private final String code;

  private Subcategory(SpendCategory category, String code) {
    this.category = category;
    this.code = code;
  }

  /**
   * Returns a subcategory, standard or a scheme's own.
   *
   * @param category the category it refines, not null
   * @param code lower-case letters and digits in words joined by single hyphens, 1 to
   *     {@value #MAX_CODE_LENGTH} characters, for example {@code "school-uniform"}; not null
   * @return the subcategory, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code code} is not of that form
   */
  public static Subcategory of(SpendCategory category, String code) {
    requireNonNull(category, "category");
    requireNonNull(code, "code");
    if (code.length() > MAX_CODE_LENGTH || !CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("code must be 1 to " + MAX_CODE_LENGTH
          + " lower-case letters and digits in words joined by hyphens, like 'school-uniform', but was "
          + SafeText.excerpt(code));
    }
    return new Subcategory(category, code);
  }

  /**
   * Returns the subcategory written as {@code CATEGORY/code}, as {@link #toString()} writes it, for example
   * {@code "PRACTICAL/rent-arrears"}.
   *
   * @param text the category's name, a slash and the code, not null
   * @return the subcategory, not null
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if {@code text} has no slash, names no category, or its code is not of the
   *     form {@link #of} requires; the message quotes at most a short, escaped excerpt
   */
  public static Subcategory parse(String text) {
    requireNonNull(text, "text");
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("text must be CATEGORY/code, such as PRACTICAL/car, but has no '/': "
          + SafeText.excerpt(text));
    }
    SpendCategory category;
    try {
      category = SpendCategory.valueOf(text.substring(0, slash));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("text must start with a category, one of "
          + java.util.Arrays.toString(SpendCategory.values()) + ", but was " + SafeText.excerpt(text), e);
    }
    return of(category, text.substring(slash + 1));
  }

  /**
   * Returns the sixteen subcategories the pilots' evaluation named, grouped by category.
   *
   * @return an immutable list, not null
   */
  public static List<Subcategory> standard() {
    return STANDARD;
  }

  /**
   * Returns the category this refines.
   *
   * @return the category, not null
   */
  public SpendCategory category() {
    return category;
  }

  /**
   * Returns the code, for example {@code "bedding"}.
   *
   * @return the code, not null
   */
  public String code() {
    return code;
  }

  /**
   * Returns whether {@code obj} is a subcategory with the same category and code.
   *
   * @param obj the object to compare with, may be null
   * @return true if equal
   */
  @Override
  public boolean equals(Object obj) {
    return obj == this
        || obj instanceof Subcategory
            && category == ((Subcategory) obj).category
            && code.equals(((Subcategory) obj).code);
  }

  /**
   * Returns a hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return category.hashCode() * 31 + code.hashCode();
  }

  /**
   * Returns the category and code, for example {@code PRACTICAL/bedding}.
   *
   * @return the text form, not null
   */
  @Override
  public String toString() {
    return category + "/" + code;
  }
}

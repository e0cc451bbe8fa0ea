package org.devolvedbudgets.model.spend;

/**
 * The three kinds of spending found by the final evaluation of the Hillingdon, Wigan and Darlington pilots
 * (What Works for Children's Social Care and CASCADE, April 2020). Every spend request falls in exactly one;
 * {@link Subcategory} refines it.
 *
 * <p>The constants' names are stable codes: they are never renamed or reused once released.
 */
public enum SpendCategory {

  /** Practical, material and financial help: bedding, clothing, nappies, home improvements, rent arrears, a
   * replacement car, a caravan for kinship carers, travel. */
  PRACTICAL("Practical, material and financial"),

  /** Therapeutic help that would otherwise mean a long wait or none: psychological assessments, counselling
   * for children or parents, therapy, respite care. */
  THERAPEUTIC("Therapeutic"),

  /** Relationship building: a meal or a drink out, go-karting, gym membership, days out together. */
  RELATIONSHIP_BUILDING("Relationship building");

  private final String displayName;

  SpendCategory(String displayName) {
    this.displayName = displayName;
  }

  /**
   * Returns the category's name as the evaluation reports it, for example
   * {@code "Practical, material and financial"}.
   *
   * @return the display name, not null
   */
  public String displayName() {
    return displayName;
  }
}

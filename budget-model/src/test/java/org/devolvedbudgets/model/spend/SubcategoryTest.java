package org.devolvedbudgets.model.spend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubcategoryTest {

  @Test
  void standardSubcategoriesCoverTheEvaluationsThreeCategories() {
    Map<SpendCategory, Integer> counts = new EnumMap<>(SpendCategory.class);
    Subcategory.standard().forEach(sub -> counts.merge(sub.category(), 1, Integer::sum));
    assertEquals(Map.of(SpendCategory.PRACTICAL, 8, SpendCategory.THERAPEUTIC, 4,
        SpendCategory.RELATIONSHIP_BUILDING, 4), counts);
    assertEquals("Practical, material and financial", SpendCategory.PRACTICAL.displayName());
  }

  @Test
  void schemesAddTheirOwnCodes() {
    Subcategory uniform = Subcategory.of(SpendCategory.PRACTICAL, "school-uniform");
    assertEquals("PRACTICAL/school-uniform", uniform.toString());
    new EqualsTester()
        .addEqualityGroup(Subcategory.BEDDING, Subcategory.of(SpendCategory.PRACTICAL, "bedding"))
        .addEqualityGroup(Subcategory.of(SpendCategory.THERAPEUTIC, "bedding"))
        .addEqualityGroup(uniform)
        .testEquals();
  }

  @Test
  void rejectsCodesThatAreNotLowerCaseWordsJoinedByHyphens() {
    for (String code : new String[] {"", "School", "school uniform", "-x", "x-", "a--b", "x".repeat(41)}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Subcategory.of(SpendCategory.PRACTICAL, code), code);
      assertEquals(true, e.getMessage().startsWith("code must be 1 to 40 lower-case letters"), e.getMessage());
    }
    new NullPointerTester().testAllPublicStaticMethods(Subcategory.class);
  }
}

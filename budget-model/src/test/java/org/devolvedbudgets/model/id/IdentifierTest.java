package org.devolvedbudgets.model.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class IdentifierTest {

  private static final List<Function<String, ? extends Identifier<?>>> FACTORIES =
      List.of(FamilyId::of, ChildId::of, TeamId::of, WorkerId::of, RequestId::of);

  @Test
  void acceptsOpaqueCodes() {
    for (String value : List.of("F-000123", "a", "hillingdon-vat", "R_2019.07:42.1", "x".repeat(64))) {
      for (Function<String, ? extends Identifier<?>> factory : FACTORIES) {
        Identifier<?> id = factory.apply(value);
        assertEquals(value, id.value());
        assertEquals(value, id.toString());
      }
    }
  }

  @Test
  void rejectsEmptyAndTooLongValuesNamingTheParameter() {
    assertEquals("familyId must be 1 to 64 characters, but was 0 characters",
        assertThrows(IllegalArgumentException.class, () -> FamilyId.of("")).getMessage());
    assertEquals("teamId must be 1 to 64 characters, but was 65 characters",
        assertThrows(IllegalArgumentException.class, () -> TeamId.of("x".repeat(65))).getMessage());
    assertEquals("workerId", assertThrows(NullPointerException.class, () -> WorkerId.of(null)).getMessage());
  }

  @Test
  void rejectsANameTypedIntoTheWrongFieldWithoutRepeatingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChildId.of("Jo Bloggs"));
    assertEquals("childId may hold only letters, digits and - _ . :, but its 9 characters have ' ' at index 2",
        e.getMessage());
    assertFalse(e.getMessage().contains("Bloggs"));
  }

  @Test
  void rejectsNonAsciiAndControlCharactersShowingOnlyTheirCodePoint() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> RequestId.of("R-1\n"))
        .getMessage().endsWith("have U+000A at index 3"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> FamilyId.of("Zoë"))
        .getMessage().endsWith("have U+00EB at index 2"));
  }

  @Test
  void rejectsPathSeparatorsAndDirectoryNames() {
    for (String value : List.of("../../etc/passwd", "a/b", "a\\b", "/")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FamilyId.of(value), value);
      assertTrue(value.length() == 1 || !e.getMessage().contains(value), e.getMessage());
    }
    assertEquals("teamId must not be '..', which names a directory in a path",
        assertThrows(IllegalArgumentException.class, () -> TeamId.of("..")).getMessage());
    assertEquals("teamId must not be '.', which names a directory in a path",
        assertThrows(IllegalArgumentException.class, () -> TeamId.of(".")).getMessage());
    assertEquals("...", FamilyId.of("...").value());
    assertEquals(".hidden", FamilyId.of(".hidden").value());
  }

  @Test
  void rejectsBidirectionalOverridesByCodePoint() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RequestId.of("R-1\u202etxt"));
    assertTrue(e.getMessage().endsWith("have U+202E at index 3"), e.getMessage());
  }

  @Test
  void identifiersOfDifferentTypesAreNeverEqual() {
    new EqualsTester()
        .addEqualityGroup(FamilyId.of("X-1"), FamilyId.of("X-1"))
        .addEqualityGroup(TeamId.of("X-1"))
        .addEqualityGroup(ChildId.of("X-1"))
        .addEqualityGroup(WorkerId.of("X-1"))
        .addEqualityGroup(RequestId.of("X-1"))
        .addEqualityGroup(FamilyId.of("X-2"))
        .testEquals();
  }

  @Test
  void sortsByValueCharacterByCharacter() {
    assertTrue(FamilyId.of("F-10").compareTo(FamilyId.of("F-9")) < 0);
    assertTrue(FamilyId.of("F-2").compareTo(FamilyId.of("F-10")) > 0);
    assertEquals(0, TeamId.of("t").compareTo(TeamId.of("t")));
  }

  @Test
  void factoriesRejectNull() {
    NullPointerTester tester = new NullPointerTester();
    for (Class<?> type : List.of(FamilyId.class, ChildId.class, TeamId.class, WorkerId.class, RequestId.class)) {
      tester.testAllPublicStaticMethods(type);
    }
    tester.testAllPublicInstanceMethods(FamilyId.of("F-1"));
  }
}

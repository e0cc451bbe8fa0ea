package org.devolvedbudgets.json.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.devolvedbudgets.json.read.JsonDocument;
import org.junit.jupiter.api.Test;

/** Lint finds each kind of scheme that is valid but probably wrong, at its path, and nothing in a sound one. */
class SchemeLintTest {

  private static List<String> lint(String text) {
    return SchemeLint.check(SchemeFiles.read(JsonDocument.parseJson("scheme.json", text))).stream()
        .map(warning -> warning.code() + " " + warning.jsonPath()).toList();
  }

  private static String changed(String from, String to) {
    String text = SchemeFilesTest.WIGAN;
    if (!text.contains(from)) {
      throw new AssertionError(from);
    }
    return text.replace(from, to);
  }

  private static final String TIERS = "\"approvalPolicy\": { \"tiers\": [ { \"role\": \"SOCIAL_WORKER\", \"upTo\": "
      + "\"GBP 500.00\" },\n        { \"role\": \"TEAM_MANAGER\" } ] }\n    },";

  @Test
  void aSoundSchemeHasNoWarnings() {
    assertEquals(List.of(), lint(SchemeFilesTest.WIGAN));
  }

  @Test
  void eachProbableMistakeIsFoundAtItsPath() {
    String requestCaps = "{ \"id\": \"family-fy\", \"name\": \"Per family per financial year\", \"cap\": \"GBP 4000.00\",";
    assertEquals(List.of("SOFT_CAP_NEVER_APPROVABLE $.versions[0].allowances[0].cap",
            "TIER_GAP_ABOVE_TOP_LIMIT $.versions[0].approvalPolicy.tiers[1].upTo"),
        lint(changed(TIERS, "\"approvalPolicy\": { \"tiers\": [ { \"role\": \"SOCIAL_WORKER\", \"upTo\": \"GBP "
            + "500.00\" },\n        { \"role\": \"TEAM_MANAGER\", \"upTo\": \"GBP 900.00\" } ] }\n    },")
            .replace(requestCaps, "{ \"id\": \"per-request\", \"name\": \"Per request\", \"cap\": \"GBP 1000.00\", "
                + "\"scope\": \"REQUEST\", \"enforcement\": \"SOFT\" },\n" + requestCaps)));
    assertEquals(List.of("TIER_NEVER_REACHED $.versions[0].approvalPolicy.tiers[1]"),
        lint(changed("\"upTo\": \"GBP 500.00\" },\n        { \"role\": \"TEAM_MANAGER\" } ] }\n    },\n    {",
            "\"upTo\": \"GBP 4000.00\" },\n        { \"role\": \"TEAM_MANAGER\" } ] }\n    },\n    {")));
    assertEquals(List.of("REQUEST_CAP_ABOVE_FAMILY_CAP $.versions[0].allowances[0].cap"),
        lint(changed(requestCaps, "{ \"id\": \"per-request\", \"name\": \"Per request\", \"cap\": \"GBP 5000.00\", "
            + "\"scope\": \"REQUEST\" },\n" + requestCaps)));
    assertEquals(List.of("THRESHOLD_ABOVE_ALLOWANCE $.versions[0].approvalPolicy.cumulative.amount"),
        lint(changed("{ \"role\": \"TEAM_MANAGER\" } ] }\n    },\n    {", "{ \"role\": \"TEAM_MANAGER\" } ],\n"
            + "        \"cumulative\": { \"amount\": \"GBP 4500.00\", \"window\": \"financial-year\" } }\n    },\n"
            + "    {")));
    assertEquals(List.of("BLOCKED_SUBCATEGORY_NOT_ALLOWED $.versions[1].blockedSubcategories"),
        lint(changed("\"allTeamsEligible\": true,", "\"allTeamsEligible\": true, \"allowedCategories\": "
            + "[\"PRACTICAL\"], \"blockedSubcategories\": [\"THERAPEUTIC/counselling\"],")));
    assertEquals(List.of("FREEZE_SAFEGUARDING_REFUSED $.versions[1].spendingFreeze.safeguarding"),
        lint(changed("\"allTeamsEligible\": true,", "\"allTeamsEligible\": true, \"allowedCategories\": "
            + "[\"PRACTICAL\"], \"spendingFreeze\": { \"safeguarding\": [\"PRACTICAL/bedding\", "
            + "\"THERAPEUTIC/counselling\"] },")));
    assertEquals(List.of("EVIDENCE_NEVER_DUE $.versions[1].evidencePolicy.requirements[1]",
        "EVIDENCE_NEVER_DUE $.versions[1].evidencePolicy.requirements[2]"),
        lint(changed("\"allTeamsEligible\": true,", "\"allTeamsEligible\": true, \"allowedCategories\": "
            + "[\"PRACTICAL\"], \"evidencePolicy\": { \"requirements\": [ "
            + "{ \"accepts\": [\"RECEIPT\"], \"dueWithinDays\": 7, "
            + "\"categories\": [\"PRACTICAL\", \"THERAPEUTIC\"] }, "
            + "{ \"accepts\": [\"RECEIPT\"], \"dueWithinDays\": 7, \"categories\": [\"THERAPEUTIC\"] }, "
            + "{ \"accepts\": [\"RECEIPT\"], \"dueWithinDays\": 7, \"paymentMethods\": [\"CASH\"] } ] },")));
    assertEquals(List.of("VERSION_AFTER_EARLIER_TERM $.versions[1].effectiveFrom"),
        lint(changed("\"term\": { \"start\": \"2019-04-01\", \"end\": \"2021-04-01\" },\n      \"eligibleTeams\"",
            "\"term\": { \"start\": \"2019-04-01\", \"end\": \"2020-04-01\" },\n      \"eligibleTeams\"")
            .replace("\"effectiveFrom\": \"2020-04-01\"", "\"effectiveFrom\": \"2020-04-02\"")));
  }
}

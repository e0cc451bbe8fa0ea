package org.devolvedbudgets.rules;

import static org.devolvedbudgets.rules.TestPilots.VAT;
import static org.devolvedbudgets.rules.TestPilots.WORKER;
import static org.devolvedbudgets.rules.TestPilots.hillingdon;
import static org.devolvedbudgets.rules.TestPilots.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.EqualsTester;
import java.util.List;
import java.util.stream.Collectors;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.position.BudgetPosition;
import org.junit.jupiter.api.Test;

class ApprovalCheckTest {

  private static final WorkerId MANAGER = WorkerId.of("W-0007");

  private static SpendRequest eighteenHundred() {
    return request(VAT, "1800.00").build();
  }

  private static Decision decided(SpendRequest request) {
    return SpendRules.decide(hillingdon(), request, BudgetPosition.empty());
  }

  private static List<RefusalCode> refusals(ApprovalCheck check) {
    return check.refusals().stream().map(ApprovalCheck.Refusal::code).collect(Collectors.toList());
  }

  @Test
  void aHeadOfServiceMayApproveTheExceptionAndSoMayADirector() {
    SpendRequest request = eighteenHundred();
    ApprovalCheck check = SpendRules.validateApproval(request, decided(request),
        Approver.of(MANAGER, ApprovalRole.HEAD_OF_SERVICE));
    assertTrue(check.isAccepted());
    assertEquals("ApprovalCheck[accepted]", check.toString());
    assertTrue(SpendRules.validateApproval(request, decided(request), Approver.of(MANAGER, ApprovalRole.DIRECTOR))
        .isAccepted());
  }

  @Test
  void aTeamManagerLacksTheAuthorityForAnException() {
    SpendRequest request = eighteenHundred();
    ApprovalCheck check = SpendRules.validateApproval(request, decided(request),
        Approver.of(MANAGER, ApprovalRole.TEAM_MANAGER, VAT));
    assertFalse(check.isAccepted());
    assertEquals(List.of(RefusalCode.ROLE_NOT_SENIOR_ENOUGH), refusals(check));
    assertEquals("Request R-000001 needs a head of service or above to approve it, and W-0007 is a team manager.",
        check.refusals().get(0).message());
  }

  @Test
  void nobodyApprovesTheirOwnRequestWhateverTheirRole() {
    SpendRequest request = eighteenHundred();
    ApprovalCheck check = SpendRules.validateApproval(request, decided(request),
        Approver.of(WORKER, ApprovalRole.DIRECTOR));
    assertEquals(List.of(RefusalCode.SELF_APPROVAL), refusals(check));
    assertEquals("Worker W-0042 made request R-000001 and so cannot approve it.", check.refusals().get(0).message());
  }

  @Test
  void aRequestThatIsNotAwaitingApprovalCannotBeApprovedAndEveryReasonIsGiven() {
    SpendRequest small = request(VAT, "20.00").build();
    ApprovalCheck check = SpendRules.validateApproval(small, decided(small),
        Approver.of(WORKER, ApprovalRole.SOCIAL_WORKER, VAT));
    assertEquals(List.of(RefusalCode.NOT_AWAITING_APPROVAL, RefusalCode.SELF_APPROVAL), refusals(check));
    assertEquals("Request R-000001 is not awaiting approval: it was approved.", check.refusals().get(0).message());
  }

  @Test
  void aDecisionForAnotherRequestIsRejected() {
    SpendRequest request = eighteenHundred();
    SpendRequest other = SpendRequest.builder().from(request).id(RequestId.of("R-2")).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SpendRules.validateApproval(other, decided(request), Approver.of(MANAGER, ApprovalRole.DIRECTOR)));
    assertEquals("decision is for request R-000001, not for request R-2", e.getMessage());
  }

  @Test
  void aTeamManagerApprovesOnlyTheirOwnTeamsRequests() {
    SpendRequest request = request(VAT, "700.00").build();
    TeamId other = TeamId.of("hillingdon-other");
    ApprovalCheck own = SpendRules.validateApproval(request, decided(request),
        Approver.of(MANAGER, ApprovalRole.TEAM_MANAGER, VAT));
    assertTrue(own.isAccepted(), own.toString());
    ApprovalCheck elsewhere = SpendRules.validateApproval(request, decided(request),
        Approver.of(MANAGER, ApprovalRole.TEAM_MANAGER, other));
    assertEquals(List.of(RefusalCode.OTHER_TEAM), refusals(elsewhere));
    assertEquals("Request R-000001 was made in team hillingdon-vat, and W-0007 is a team manager in team "
        + "hillingdon-other; a team manager approves only for their own team, a service manager or above for any.",
        elsewhere.refusals().get(0).message());
    assertTrue(SpendRules.validateApproval(request, decided(request),
        Approver.of(MANAGER, ApprovalRole.SERVICE_MANAGER, other)).isAccepted());
    assertTrue(SpendRules.validateApproval(request, decided(request),
        Approver.of(MANAGER, ApprovalRole.SERVICE_MANAGER)).isAccepted());
  }

  @Test
  void aTeamLevelApproverMustNameTheirTeam() {
    assertEquals("role TEAM_MANAGER approves only for its own team: give the team with "
        + "Approver.of(workerId, role, teamId)", assertThrows(IllegalArgumentException.class,
            () -> Approver.of(MANAGER, ApprovalRole.TEAM_MANAGER)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> Approver.of(MANAGER, ApprovalRole.SOCIAL_WORKER));
  }

  @Test
  void approversAreValues() {
    new EqualsTester()
        .addEqualityGroup(Approver.of(MANAGER, ApprovalRole.TEAM_MANAGER, VAT),
            Approver.of(MANAGER, ApprovalRole.TEAM_MANAGER, VAT))
        .addEqualityGroup(Approver.of(MANAGER, ApprovalRole.TEAM_MANAGER, TeamId.of("other")))
        .addEqualityGroup(Approver.of(MANAGER, ApprovalRole.DIRECTOR))
        .addEqualityGroup(Approver.of(MANAGER, ApprovalRole.DIRECTOR, VAT))
        .addEqualityGroup(Approver.of(WORKER, ApprovalRole.TEAM_MANAGER, VAT))
        .testEquals();
    assertEquals("W-0007 (TEAM_MANAGER, hillingdon-vat)", Approver.of(MANAGER, ApprovalRole.TEAM_MANAGER, VAT)
        .toString());
    assertEquals("W-0007 (DIRECTOR)", Approver.of(MANAGER, ApprovalRole.DIRECTOR).toString());
  }
}

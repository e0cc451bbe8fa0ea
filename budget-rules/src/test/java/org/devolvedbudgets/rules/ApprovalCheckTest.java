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
        Approver.of(MANAGER, ApprovalRole.TEAM_MANAGER));
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
        Approver.of(WORKER, ApprovalRole.SOCIAL_WORKER));
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
  void approversAreValues() {
    new EqualsTester()
        .addEqualityGroup(Approver.of(MANAGER, ApprovalRole.TEAM_MANAGER), Approver.of(MANAGER, ApprovalRole.TEAM_MANAGER))
        .addEqualityGroup(Approver.of(MANAGER, ApprovalRole.DIRECTOR))
        .addEqualityGroup(Approver.of(WORKER, ApprovalRole.TEAM_MANAGER))
        .testEquals();
    assertEquals("W-0007 (TEAM_MANAGER)", Approver.of(MANAGER, ApprovalRole.TEAM_MANAGER).toString());
  }
}

package org.devolvedbudgets.rules.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.devolvedbudgets.model.id.AllowanceId;
import org.devolvedbudgets.model.id.ChildId;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.scheme.Allowance;
import org.devolvedbudgets.model.scheme.AllowanceScope;
import org.devolvedbudgets.model.scheme.Enforcement;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.rules.Decision;
import org.devolvedbudgets.rules.Fingerprint;
import org.devolvedbudgets.rules.Outcome;
import org.devolvedbudgets.rules.SpendRules;
import org.devolvedbudgets.rules.position.BudgetPosition;
import org.devolvedbudgets.rules.position.UsageKey;

/**
 * A request submitted: decided with {@link SpendRules} against the balances as they stand, and, unless declined,
 * its money reserved against every allowance it counts against, in one step: a {@code Submitted} event and a
 * {@code Reserved} one. A request id submitted before is answered with its first submission.
 *
 * <p>This class is thread-safe.
 */
final class Submitting {

  private final LedgerParts parts;
  private final Positions positions;
  private final Expiring expiring;

  Submitting(LedgerParts parts, Positions positions, Expiring expiring) {
    this.parts = parts;
    this.positions = positions;
    this.expiring = expiring;
  }

  Submission submit(SpendRequest request) {
    PilotConfiguration configuration = parts.history.inForceOn(request.requestedOn());
    List<UsageKey> keys = SpendRules.usageKeys(configuration, request);
    Fingerprint fingerprint = Fingerprint.of(request);
    return parts.attempts.run(() -> submitOnce(configuration, request, keys, fingerprint));
  }

  private Submission submitOnce(PilotConfiguration configuration, SpendRequest request, List<UsageKey> keys,
      Fingerprint fingerprint) {
    if (parts.balances.entry(request.id()) == null) {
      expiring.recordLapsed(request.familyId(), null);
    }
    Scopes.Held held = parts.scopes.hold(request.familyId(), keys);
    try {
      RequestEntry existing = parts.balances.entry(request.id());
      if (existing != null) {
        return retried(existing, request, fingerprint);
      }
      parts.folded.ensureRunning();
      Instant now = parts.now();
      BudgetPosition position = positions.positionFor(configuration, request, keys, now);
      Decision decision = SpendRules.decide(configuration, request, position);
      List<Committer.Draft> drafts = new ArrayList<>(2);
      WorkerId worker = request.requestedBy();
      FamilyId familyId = request.familyId();
      SpendRequest recorded = request.withoutDescription();
      Fingerprint rules = parts.history.fingerprintOf(configuration);
      drafts.add((sequence, recordedAt) -> new LedgerEvent.Submitted(sequence, recordedAt, worker, familyId,
          recorded, fingerprint, parts.history.schemeId(), rules, decision));
      if (decision.outcome() != Outcome.DECLINED) {
        List<Charge> charges = charges(request, keys);
        checkCaps(configuration, request, charges, now);
        boolean awaits = decision.outcome() == Outcome.NEEDS_APPROVAL;
        drafts.add((sequence, recordedAt) -> new LedgerEvent.Reserved(sequence, recordedAt, worker, familyId,
            request.id(), request.amount(), request.requestedOn(), charges,
            awaits ? Optional.of(holdEnds(configuration, charges, recordedAt)) : Optional.empty()));
      }
      parts.committer.commit(drafts, request.id(), null);
      return parts.balances.submission(Objects.requireNonNull(parts.balances.entry(request.id())));
    } finally {
      held.release();
    }
  }

  /**
   * The answer to a request id submitted before: its first submission, once the journal is confirmed to hold it.
   * Retries forgive the clock: a retry that differs from the original only in {@code requestedAt} is the same
   * request, and the time first recorded stands.
   */
  private Submission retried(RequestEntry existing, SpendRequest request, Fingerprint fingerprint) {
    if (!existing.submitted.requestFingerprint().equals(fingerprint)) {
      List<String> fields = differences(existing.submitted, request);
      if (!fields.equals(List.of("requestedAt"))) {
        throw new IdempotencyConflictException(request.id(), fields);
      }
    }
    parts.catchUp.confirm(existing.submitted);
    return parts.balances.submission(existing);
  }

  /** The fields in which a retry differs from the submission recorded, in attribute order. */
  private static List<String> differences(LedgerEvent.Submitted submitted, SpendRequest retry) {
    SpendRequest original = submitted.request();
    List<String> fields = new ArrayList<>();
    differs(fields, "familyId", original.familyId(), retry.familyId());
    differs(fields, "childIds", original.childIds(), retry.childIds());
    differs(fields, "childShares", original.childShares(), retry.childShares());
    differs(fields, "teamId", original.teamId(), retry.teamId());
    differs(fields, "requestedBy", original.requestedBy(), retry.requestedBy());
    differs(fields, "amount", original.amount(), retry.amount());
    differs(fields, "category", original.category(), retry.category());
    differs(fields, "subcategory", original.subcategory(), retry.subcategory());
    // The journal keeps no description: it differs when the original with the retry's description in its place
    // does not have the fingerprint recorded.
    if (!submitted.requestFingerprint()
        .equals(Fingerprint.of(SpendRequest.builder().from(original).description(retry.description()).build()))) {
      fields.add("description");
    }
    differs(fields, "requestedAt", original.requestedAt(), retry.requestedAt());
    differs(fields, "paymentMethod", original.paymentMethod(), retry.paymentMethod());
    differs(fields, "vatRecoverable", original.vatRecoverable(), retry.vatRecoverable());
    differs(fields, "evidenceReference", original.evidenceReference(), retry.evidenceReference());
    differs(fields, "repayment", original.repayment(), retry.repayment());
    return fields;
  }

  private static void differs(List<String> fields, String name, Object original, Object retry) {
    if (!original.equals(retry)) {
      fields.add(name);
    }
  }

  /** What the request holds against each allowance: a child's share against a per-child one, else the amount. */
  private static List<Charge> charges(SpendRequest request, List<UsageKey> keys) {
    List<Charge> charges = new ArrayList<>(keys.size());
    for (UsageKey key : keys) {
      Money amount = key.scope() == AllowanceScope.CHILD
          ? Objects.requireNonNull(request.sharesByChild().get(ChildId.of(key.holder()))) : request.amount();
      if (amount.isPositive()) {
        charges.add(new Charge(key, amount));
      }
    }
    return charges;
  }

  /** When a hold made at {@code reservedAt} lapses: its own end, the term's end or a charged year's end. */
  private Instant holdEnds(PilotConfiguration configuration, List<Charge> charges, Instant reservedAt) {
    Instant end = parts.approvalHold.endFrom(reservedAt);
    Instant termEnd = configuration.term().endInstant();
    if (termEnd.isBefore(end)) {
      end = termEnd;
    }
    for (Charge charge : charges) {
      BudgetPeriod period = charge.key().period();
      if (period.kind().closesBudget() && period.endInstant().isBefore(end)) {
        end = period.endInstant();
      }
    }
    return end;
  }

  /** Hard caps, checked again before money is reserved: a decision that breaks one is a defect, not spent. */
  private void checkCaps(PilotConfiguration configuration, SpendRequest request, List<Charge> charges,
      Instant asOf) {
    long amount = request.amount().minorUnits();
    for (Allowance allowance : configuration.allowances()) {
      if (allowance.scope() == AllowanceScope.REQUEST && allowance.enforcement() == Enforcement.HARD
          && allowance.appliesTo(request.category()) && amount > allowance.cap().minorUnits()) {
        throw capBroken(request, allowance, 0);
      }
    }
    for (Charge charge : charges) {
      UsageKey key = charge.key();
      Allowance allowance = allowanceWithId(configuration, key.allowanceId());
      if (allowance.enforcement() == Enforcement.HARD) {
        long[] sum = parts.balances.sum(AccountKey.of(key), key.period(), asOf);
        long used = sum[0] + sum[1];
        if (used > allowance.cap().minorUnits() - charge.amount().minorUnits()) {
          throw capBroken(request, allowance, used);
        }
      }
    }
  }

  private LedgerInvariantException capBroken(SpendRequest request, Allowance allowance, long used) {
    return new LedgerInvariantException("reserving " + request.amount() + " for request " + request.id()
        + " would take '" + allowance.name() + "' from " + Money.ofMinor(parts.currency, used) + " used over its "
        + "cap of " + allowance.cap() + "; nothing was reserved");
  }

  private static Allowance allowanceWithId(PilotConfiguration configuration, AllowanceId id) {
    for (Allowance allowance : configuration.allowances()) {
      if (allowance.id().equals(id)) {
        return allowance;
      }
    }
    throw new IllegalStateException("no allowance with id '" + id + "'");
  }
}

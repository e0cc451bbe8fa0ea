package org.devolvedbudgets.rules;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.devolvedbudgets.model.id.ChildId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.PeriodPolicy;
import org.devolvedbudgets.model.scheme.AgeBand;
import org.devolvedbudgets.model.scheme.Allowance;
import org.devolvedbudgets.model.scheme.ApprovalTier;
import org.devolvedbudgets.model.scheme.CumulativeThreshold;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.scheme.Randomisation;
import org.devolvedbudgets.model.spend.SpendCategory;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.model.spend.Subcategory;

/**
 * Writes the canonical forms {@link Fingerprint} digests: one {@code name value} line per attribute, every
 * attribute present, in a fixed order; sets sorted by name, never by an enum's declaration order. Text is written as its UTF-8 length, a colon and the text, so no text can
 * imitate another line; absent optional values are {@code -}. Written out field by field, never from
 * {@code toString}, whose developer forms may change. Stateless.
 */
final class CanonicalForm {

  private final StringBuilder out = new StringBuilder(512);

  private CanonicalForm(String kind) {
    out.append("devolved-budgets ").append(kind).append(" 1\n");
  }

  static String of(PilotConfiguration configuration) {
    CanonicalForm form = new CanonicalForm("configuration");
    form.text("council", configuration.council());
    form.line("schemeId", configuration.schemeId().value());
    form.text("scheme", configuration.scheme());
    form.line("version", Integer.toString(configuration.version()));
    form.line("effectiveFrom", configuration.effectiveFrom().toString());
    form.line("currency", configuration.currency().getCurrencyCode());
    form.line("term", configuration.term().start() + " " + configuration.term().end());
    form.line("allTeamsEligible", Boolean.toString(configuration.allTeamsEligible()));
    for (String team : sorted(configuration.eligibleTeams().stream().map(TeamId::value).toList())) {
      form.line("eligibleTeam", team);
    }
    form.line("allocation", configuration.allocation().method().name());
    Optional<Randomisation> randomisation = configuration.allocation().randomisation();
    if (randomisation.isPresent()) {
      Randomisation settings = randomisation.get();
      form.line("randomisation.seed", Long.toString(settings.seed()));
      form.line("randomisation.weights", settings.treatmentWeight() + " " + settings.controlWeight());
      for (AgeBand band : settings.strata()) {
        form.line("randomisation.stratum", band.youngest() + " " + band.oldest());
      }
      form.line("randomisation.suspendedFrom", settings.suspendedFrom().map(Object::toString).orElse("-"));
    }
    for (Allowance allowance : configuration.allowances()) {
      form.line("allowance", allowance.id().value());
      form.text("allowance.name", allowance.name());
      form.line("allowance.cap", money(allowance.cap()));
      form.line("allowance.scope", allowance.scope().name());
      form.line("allowance.period", period(allowance.period()));
      form.line("allowance.enforcement", allowance.enforcement().name());
      form.line("allowance.category", allowance.category().map(Enum::name).orElse("-"));
    }
    for (ApprovalTier tier : configuration.approvalPolicy().tiers()) {
      form.line("approvalTier", tier.role().name() + " " + tier.upTo().map(CanonicalForm::money).orElse("-"));
    }
    Optional<CumulativeThreshold> threshold = configuration.approvalPolicy().cumulativeThreshold();
    form.line("cumulativeThreshold", threshold.map(t -> money(t.amount()) + " " + period(t.window())).orElse("-"));
    for (String category : sorted(configuration.allowedCategories().stream().map(SpendCategory::name).toList())) {
      form.line("allowedCategory", category);
    }
    List<String> blocked = new ArrayList<>();
    for (Subcategory subcategory : configuration.blockedSubcategories()) {
      blocked.add(subcategory.category().name() + "/" + subcategory.code());
    }
    for (String subcategory : sorted(blocked)) {
      form.line("blockedSubcategory", subcategory);
    }
    form.line("cashAllowed", Boolean.toString(configuration.cashAllowed()));
    form.line("refundRestoresAllowance", Boolean.toString(configuration.refundRestoresAllowance()));
    return form.out.toString();
  }

  static String of(SpendRequest request) {
    CanonicalForm form = new CanonicalForm("request");
    form.line("id", request.id().value());
    form.line("familyId", request.familyId().value());
    for (ChildId child : request.childIds()) {
      form.line("childId", child.value());
    }
    for (Map.Entry<ChildId, Money> share : request.childShares().entrySet()) {
      form.line("childShare", share.getKey().value() + " " + money(share.getValue()));
    }
    form.line("teamId", request.teamId().value());
    form.line("requestedBy", request.requestedBy().value());
    form.line("amount", money(request.amount()));
    form.line("category", request.category().name());
    form.line("subcategory", request.subcategory().map(Subcategory::code).orElse("-"));
    form.text("description", request.description());
    Instant at = request.requestedAt();
    form.line("requestedAt", at.toString());
    form.line("paymentMethod", request.paymentMethod().name());
    form.line("vatRecoverable", Boolean.toString(request.vatRecoverable()));
    form.line("evidenceReference", request.evidenceReference().map(form::lengthPrefixed).orElse("-"));
    return form.out.toString();
  }

  private void line(String name, String value) {
    out.append(name).append(' ').append(value).append('\n');
  }

  private void text(String name, String value) {
    line(name, lengthPrefixed(value));
  }

  private String lengthPrefixed(String value) {
    return value.getBytes(StandardCharsets.UTF_8).length + ":" + value;
  }

  private static String money(Money amount) {
    return amount.currency().getCurrencyCode() + " " + amount.minorUnits();
  }

  private static String period(PeriodPolicy policy) {
    return policy.isRolling() ? policy.kind().name() + " " + policy.rollingDays() : policy.kind().name();
  }

  private static List<String> sorted(List<String> values) {
    return List.copyOf(new TreeSet<>(values));
  }
}

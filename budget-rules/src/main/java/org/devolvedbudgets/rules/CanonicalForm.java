package org.devolvedbudgets.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
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
import org.devolvedbudgets.model.scheme.EvidenceRequirement;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.scheme.Randomisation;
import org.devolvedbudgets.model.spend.Instalment;
import org.devolvedbudgets.model.spend.MeansAssessment;
import org.devolvedbudgets.model.spend.RepaymentTerms;
import org.devolvedbudgets.model.spend.SpendCategory;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.model.spend.Subcategory;

/**
 * Writes the canonical forms {@link Fingerprint} digests: one {@code name value} line per attribute, every
 * attribute present, in a fixed order; sets sorted by name, never by an enum's declaration order. Text is
 * written as its UTF-8 length, a colon and the text, so no text can imitate another line; absent optional values
 * are {@code -}. Written out field by field, never from
 * {@code toString}, whose developer forms may change. Stateless.
 */
final class CanonicalForm {

  /** One form per thread, reused: a request is fingerprinted on every submission. */
  private static final ThreadLocal<CanonicalForm> REUSED = ThreadLocal.withInitial(CanonicalForm::new);

  private byte[] bytes = new byte[1024];
  private int length;

  private CanonicalForm() {}

  /** Digests a configuration's canonical form with a reused buffer. */
  static byte[] digest(PilotConfiguration configuration, MessageDigest sha256) {
    CanonicalForm form = REUSED.get();
    form.write(configuration);
    sha256.update(form.bytes, 0, form.length);
    return sha256.digest();
  }

  /** Digests a request's canonical form with a reused buffer. */
  static byte[] digest(SpendRequest request, MessageDigest sha256) {
    CanonicalForm form = REUSED.get();
    form.write(request);
    sha256.update(form.bytes, 0, form.length);
    return sha256.digest();
  }

  private String asString() {
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }

  static String of(PilotConfiguration configuration) {
    CanonicalForm form = new CanonicalForm();
    form.write(configuration);
    return form.asString();
  }

  static String of(SpendRequest request) {
    CanonicalForm form = new CanonicalForm();
    form.write(request);
    return form.asString();
  }

  private void write(PilotConfiguration configuration) {
    start("configuration");
    text("council", configuration.council());
    line("schemeId", configuration.schemeId().value());
    text("scheme", configuration.scheme());
    line("version", Integer.toString(configuration.version()));
    line("effectiveFrom", configuration.effectiveFrom().toString());
    line("currency", configuration.currency().getCurrencyCode());
    line("term", configuration.term().start() + " " + configuration.term().end());
    line("allTeamsEligible", Boolean.toString(configuration.allTeamsEligible()));
    for (String team : sorted(configuration.eligibleTeams().stream().map(TeamId::value).toList())) {
      line("eligibleTeam", team);
    }
    line("allocation", configuration.allocation().method().name());
    Optional<Randomisation> randomisation = configuration.allocation().randomisation();
    if (randomisation.isPresent()) {
      Randomisation settings = randomisation.get();
      line("randomisation.seed", Long.toString(settings.seed()));
      line("randomisation.weights", settings.treatmentWeight() + " " + settings.controlWeight());
      for (AgeBand band : settings.strata()) {
        line("randomisation.stratum", band.youngest() + " " + band.oldest());
      }
      line("randomisation.suspendedFrom", settings.suspendedFrom().map(Object::toString).orElse("-"));
    }
    for (Allowance allowance : configuration.allowances()) {
      line("allowance", allowance.id().value());
      text("allowance.name", allowance.name());
      name("allowance.cap").money(allowance.cap()).end();
      line("allowance.scope", allowance.scope().name());
      line("allowance.period", period(allowance.period()));
      line("allowance.enforcement", allowance.enforcement().name());
      line("allowance.category", allowance.category().map(Enum::name).orElse("-"));
    }
    for (ApprovalTier tier : configuration.approvalPolicy().tiers()) {
      line("approvalTier", tier.role().name() + " " + tier.upTo().map(CanonicalForm::moneyText).orElse("-"));
    }
    Optional<CumulativeThreshold> threshold = configuration.approvalPolicy().cumulativeThreshold();
    line("cumulativeThreshold", threshold.map(t -> moneyText(t.amount()) + " " + period(t.window())).orElse("-"));
    for (String category : sorted(configuration.allowedCategories().stream().map(SpendCategory::name).toList())) {
      line("allowedCategory", category);
    }
    List<String> blocked = new ArrayList<>();
    for (Subcategory subcategory : configuration.blockedSubcategories()) {
      blocked.add(subcategory.category().name() + "/" + subcategory.code());
    }
    for (String subcategory : sorted(blocked)) {
      line("blockedSubcategory", subcategory);
    }
    line("cashAllowed", Boolean.toString(configuration.cashAllowed()));
    line("refundRestoresAllowance", Boolean.toString(configuration.refundRestoresAllowance()));
    // Written only when present, so a version without a freeze has the form, and the fingerprint, it always had.
    configuration.spendingFreeze().ifPresent(freeze -> {
      line("spendingFreeze", freeze.approvedBy().map(Enum::name).orElse("-"));
      List<String> safeguarding = new ArrayList<>();
      for (Subcategory subcategory : freeze.safeguarding()) {
        safeguarding.add(subcategory.category().name() + "/" + subcategory.code());
      }
      for (String subcategory : sorted(safeguarding)) {
        line("freezeSafeguarding", subcategory);
      }
    });
    // Likewise the repayment setting, only when not the default, and the evidence policy, only when present.
    if (configuration.repaymentRestoresAllowance()) {
      line("repaymentRestoresAllowance", "true");
    }
    configuration.evidencePolicy().ifPresent(policy -> {
      line("evidencePolicy", policy.whenOverdue().name() + " " + policy.approvedBy().map(Enum::name).orElse("-"));
      for (EvidenceRequirement requirement : policy.requirements()) {
        line("evidence.accepts", String.join(" ", sorted(requirement.accepts().stream().map(Enum::name).toList())));
        line("evidence.dueWithinDays", Integer.toString(requirement.dueWithinDays()));
        line("evidence.fromAmount", requirement.fromAmount().map(CanonicalForm::moneyText).orElse("-"));
        line("evidence.categories", requirement.categories().isEmpty() ? "-"
            : String.join(" ", sorted(requirement.categories().stream().map(Enum::name).toList())));
        line("evidence.paymentMethods", requirement.paymentMethods().isEmpty() ? "-"
            : String.join(" ", sorted(requirement.paymentMethods().stream().map(Enum::name).toList())));
      }
    });
  }

  private void write(SpendRequest request) {
    start("request");
    line("id", request.id().value());
    line("familyId", request.familyId().value());
    for (ChildId child : request.childIds()) {
      line("childId", child.value());
    }
    for (Map.Entry<ChildId, Money> share : request.childShares().entrySet()) {
      name("childShare").ascii(share.getKey().value()).ascii(" ").money(share.getValue()).end();
    }
    line("teamId", request.teamId().value());
    line("requestedBy", request.requestedBy().value());
    name("amount").money(request.amount()).end();
    line("category", request.category().name());
    line("subcategory", request.subcategory().map(Subcategory::code).orElse("-"));
    text("description", request.description());
    line("requestedAt", request.requestedAt().toString());
    line("paymentMethod", request.paymentMethod().name());
    line("vatRecoverable", Boolean.toString(request.vatRecoverable()));
    if (request.evidenceReference().isPresent()) {
      text("evidenceReference", request.evidenceReference().get());
    } else {
      line("evidenceReference", "-");
    }
    // Written only when present, so a gift has the form, and the fingerprint, it always had. No lambda: every
    // submission is fingerprinted, and a capturing one would cost each an allocation.
    RepaymentTerms terms = request.repayment().orElse(null);
    if (terms != null) {
      for (Instalment instalment : terms.instalments()) {
        name("repayment.instalment").ascii(instalment.dueOn().toString()).ascii(" ").money(instalment.amount()).end();
      }
      MeansAssessment assessment = terms.meansAssessment().orElse(null);
      if (assessment == null) {
        line("repayment.meansAssessment", "-");
      } else {
        text("repayment.meansAssessment", assessment.reference());
        line("repayment.assessedOn", assessment.assessedOn().toString());
        line("repayment.benefits", assessment.benefits().isEmpty() ? "-"
            : String.join(" ", sorted(assessment.benefits().stream().map(Enum::name).toList())));
      }
    }
  }

  private void start(String kind) {
    length = 0;
    ascii("devolved-budgets ").ascii(kind).ascii(" 1\n");
  }

  private void line(String name, String value) {
    name(name).utf8(value).end();
  }

  /** A line of free text: its UTF-8 length, a colon and the text, so no text can imitate another line. */
  private void text(String name, String value) {
    name(name).number(utf8Length(value)).ascii(":").utf8(value).end();
  }

  private CanonicalForm name(String name) {
    return ascii(name).ascii(" ");
  }

  private void end() {
    ascii("\n");
  }

  private CanonicalForm money(Money amount) {
    return ascii(amount.currency().getCurrencyCode()).ascii(" ").number(amount.minorUnits());
  }

  private CanonicalForm ascii(String text) {
    ensure(text.length());
    for (int i = 0; i < text.length(); i++) {
      bytes[length++] = (byte) text.charAt(i);
    }
    return this;
  }

  private CanonicalForm number(long value) {
    if (value == Long.MIN_VALUE) {
      return ascii(Long.toString(value));
    }
    ensure(20);
    if (value < 0) {
      bytes[length++] = '-';
      value = -value;
    }
    int start = length;
    do {
      bytes[length++] = (byte) ('0' + value % 10);
      value /= 10;
    } while (value > 0);
    for (int i = start, j = length - 1; i < j; i++, j--) {
      byte swap = bytes[i];
      bytes[i] = bytes[j];
      bytes[j] = swap;
    }
    return this;
  }

  private CanonicalForm utf8(String text) {
    int needed = utf8Length(text);
    if (needed == text.length()) {
      return ascii(text);
    }
    byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
    ensure(encoded.length);
    System.arraycopy(encoded, 0, bytes, length, encoded.length);
    length += encoded.length;
    return this;
  }

  private static int utf8Length(String text) {
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        count++;
      } else if (c < 0x800) {
        count += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(
          text.charAt(i + 1))) {
        count += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        count++; // String.getBytes writes a lone surrogate as '?', which utf8 copies
      } else {
        count += 3;
      }
    }
    return count;
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }

  private static String moneyText(Money amount) {
    return amount.currency().getCurrencyCode() + " " + amount.minorUnits();
  }

  private static String period(PeriodPolicy policy) {
    return policy.isRolling() ? policy.kind().name() + " " + policy.rollingDays() : policy.kind().name();
  }

  private static List<String> sorted(List<String> values) {
    return List.copyOf(new TreeSet<>(values));
  }
}

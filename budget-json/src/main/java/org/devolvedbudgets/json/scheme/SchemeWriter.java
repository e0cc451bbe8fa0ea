package org.devolvedbudgets.json.scheme;

import java.util.List;
import java.util.TreeSet;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.PeriodPolicy;
import org.devolvedbudgets.model.scheme.AgeBand;
import org.devolvedbudgets.model.scheme.AllocationPolicy;
import org.devolvedbudgets.model.scheme.Allowance;
import org.devolvedbudgets.model.scheme.ApprovalTier;
import org.devolvedbudgets.model.scheme.EvidenceRequirement;
import org.devolvedbudgets.model.scheme.PilotConfiguration;
import org.devolvedbudgets.model.scheme.Randomisation;
import org.devolvedbudgets.model.spend.SpendCategory;
import org.devolvedbudgets.model.spend.Subcategory;
import org.devolvedbudgets.rules.ConfigurationHistory;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Writes a scheme's canonical form ({@link SchemeFiles#write(ConfigurationHistory)}). Stateless. */
final class SchemeWriter {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final ObjectWriter WRITER;

  static {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
        .withObjectNameValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("")).withObjectIndenter(indenter).withArrayIndenter(indenter);
    ObjectMapper mapper = JsonMapper.builder().build();
    WRITER = mapper.writer().with(printer);
  }

  private SchemeWriter() {}

  static String write(ConfigurationHistory history) {
    PilotConfiguration first = history.versions().get(0);
    ObjectNode root = NODES.objectNode();
    root.put("$schema", SchemeFiles.SCHEMA_ID);
    root.put("format", SchemeFiles.FORMAT);
    root.put("schemeId", first.schemeId().value());
    root.put("council", first.council());
    root.put("currency", first.currency().getCurrencyCode());
    ArrayNode versions = root.putArray("versions");
    for (PilotConfiguration version : history.versions()) {
      versions.add(version(version));
    }
    return WRITER.writeValueAsString(root) + "\n";
  }

  private static ObjectNode version(PilotConfiguration configuration) {
    ObjectNode json = NODES.objectNode();
    json.put("version", configuration.version());
    json.put("effectiveFrom", configuration.effectiveFrom().toString());
    json.put("scheme", configuration.scheme());
    ObjectNode term = json.putObject("term");
    term.put("start", configuration.term().start().toString());
    term.put("end", configuration.term().end().toString());
    json.put("allTeamsEligible", configuration.allTeamsEligible());
    ArrayNode teams = json.putArray("eligibleTeams");
    configuration.eligibleTeams().stream().map(TeamId::value).sorted().forEach(teams::add);
    json.set("allocation", allocation(configuration.allocation()));
    ArrayNode allowances = json.putArray("allowances");
    for (Allowance allowance : configuration.allowances()) {
      allowances.add(allowance(allowance));
    }
    ObjectNode approval = json.putObject("approvalPolicy");
    ArrayNode tiers = approval.putArray("tiers");
    for (ApprovalTier tier : configuration.approvalPolicy().tiers()) {
      ObjectNode node = tiers.addObject();
      node.put("role", tier.role().name());
      tier.upTo().ifPresent(limit -> node.put("upTo", money(limit)));
    }
    configuration.approvalPolicy().cumulativeThreshold().ifPresent(threshold -> {
      ObjectNode cumulative = approval.putObject("cumulative");
      cumulative.put("amount", money(threshold.amount()));
      cumulative.put("window", period(threshold.window()));
    });
    ArrayNode categories = json.putArray("allowedCategories");
    configuration.allowedCategories().stream().map(SpendCategory::name).sorted().forEach(categories::add);
    ArrayNode blocked = json.putArray("blockedSubcategories");
    List<String> subcategories = configuration.blockedSubcategories().stream().map(SchemeWriter::subcategory)
        .toList();
    new TreeSet<>(subcategories).forEach(blocked::add);
    json.put("cashAllowed", configuration.cashAllowed());
    json.put("refundRestoresAllowance", configuration.refundRestoresAllowance());
    if (configuration.repaymentRestoresAllowance()) { // written only when not the default, as the fingerprint is
      json.put("repaymentRestoresAllowance", true);
    }
    configuration.spendingFreeze().ifPresent(freeze -> {
      ObjectNode node = json.putObject("spendingFreeze");
      ArrayNode safeguarding = node.putArray("safeguarding");
      new TreeSet<>(freeze.safeguarding().stream().map(SchemeWriter::subcategory).toList())
          .forEach(safeguarding::add);
      freeze.approvedBy().ifPresent(role -> node.put("approvedBy", role.name()));
    });
    configuration.evidencePolicy().ifPresent(policy -> {
      ObjectNode node = json.putObject("evidencePolicy");
      ArrayNode requirements = node.putArray("requirements");
      for (EvidenceRequirement requirement : policy.requirements()) {
        ObjectNode item = requirements.addObject();
        ArrayNode accepts = item.putArray("accepts");
        new TreeSet<>(requirement.accepts()).forEach(kind -> accepts.add(kind.name()));
        item.put("dueWithinDays", requirement.dueWithinDays());
        requirement.fromAmount().ifPresent(amount -> item.put("fromAmount", amount.toString()));
        if (!requirement.categories().isEmpty()) {
          ArrayNode kinds = item.putArray("categories");
          new TreeSet<>(requirement.categories()).forEach(category -> kinds.add(category.name()));
        }
        if (!requirement.paymentMethods().isEmpty()) {
          ArrayNode methods = item.putArray("paymentMethods");
          new TreeSet<>(requirement.paymentMethods()).forEach(method -> methods.add(method.name()));
        }
      }
      node.put("whenOverdue", policy.whenOverdue().name());
      policy.approvedBy().ifPresent(role -> node.put("approvedBy", role.name()));
    });
    return json;
  }

  private static ObjectNode allocation(AllocationPolicy policy) {
    ObjectNode json = NODES.objectNode();
    json.put("method", policy.method().name());
    if (policy.randomisation().isPresent()) {
      Randomisation randomisation = policy.randomisation().get();
      json.put("seed", randomisation.seed());
      json.put("treatmentWeight", randomisation.treatmentWeight());
      json.put("controlWeight", randomisation.controlWeight());
      ArrayNode strata = json.putArray("strata");
      for (AgeBand band : randomisation.strata()) {
        strata.add(band.youngest() + "-" + band.oldest());
      }
      randomisation.suspendedFrom().ifPresent(date -> json.put("suspendedFrom", date.toString()));
    }
    return json;
  }

  private static ObjectNode allowance(Allowance allowance) {
    ObjectNode json = NODES.objectNode();
    json.put("id", allowance.id().value());
    json.put("name", allowance.name());
    json.put("cap", money(allowance.cap()));
    json.put("scope", allowance.scope().name());
    json.put("period", period(allowance.period()));
    json.put("enforcement", allowance.enforcement().name());
    allowance.category().ifPresent(category -> json.put("category", category.name()));
    return json;
  }

  static String money(Money amount) {
    return amount.toString();
  }

  static String period(PeriodPolicy policy) {
    switch (policy.kind()) {
      case FINANCIAL_YEAR:
        return "financial-year";
      case CALENDAR_YEAR:
        return "calendar-year";
      case ROLLING_DAYS:
        return "rolling-" + policy.rollingDays() + "-days";
      default:
        return "whole-pilot";
    }
  }

  static String subcategory(Subcategory subcategory) {
    return subcategory.category().name() + "/" + subcategory.code();
  }
}

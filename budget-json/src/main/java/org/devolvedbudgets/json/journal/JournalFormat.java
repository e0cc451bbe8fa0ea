package org.devolvedbudgets.json.journal;

import static java.util.Objects.requireNonNull;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.devolvedbudgets.model.id.AllowanceId;
import org.devolvedbudgets.model.id.ChildId;
import org.devolvedbudgets.model.id.FamilyId;
import org.devolvedbudgets.model.id.Identifier;
import org.devolvedbudgets.model.id.RequestId;
import org.devolvedbudgets.model.id.SchemeId;
import org.devolvedbudgets.model.id.TeamId;
import org.devolvedbudgets.model.id.WorkerId;
import org.devolvedbudgets.model.money.Money;
import org.devolvedbudgets.model.period.BudgetPeriod;
import org.devolvedbudgets.model.period.PeriodKind;
import org.devolvedbudgets.model.scheme.AgeBand;
import org.devolvedbudgets.model.scheme.AllocationMethod;
import org.devolvedbudgets.model.scheme.AllowanceScope;
import org.devolvedbudgets.model.scheme.ApprovalRole;
import org.devolvedbudgets.model.spend.PaymentMethod;
import org.devolvedbudgets.model.spend.SpendCategory;
import org.devolvedbudgets.model.spend.SpendRequest;
import org.devolvedbudgets.model.spend.Subcategory;
import org.devolvedbudgets.model.text.SafeText;
import org.devolvedbudgets.rules.Decision;
import org.devolvedbudgets.rules.Figures;
import org.devolvedbudgets.rules.Finding;
import org.devolvedbudgets.rules.FindingCode;
import org.devolvedbudgets.rules.Fingerprint;
import org.devolvedbudgets.rules.Outcome;
import org.devolvedbudgets.rules.allocation.AllocationRecord;
import org.devolvedbudgets.rules.allocation.Arm;
import org.devolvedbudgets.rules.ledger.Charge;
import org.devolvedbudgets.rules.ledger.LedgerEvent;
import org.devolvedbudgets.rules.position.UsageKey;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The journal format: every {@link LedgerEvent} as one JSON object on one line, so a journal file is JSON Lines.
 * Each object carries its {@code type}, the {@code format} version ({@value #FORMAT}), its {@code sequence}, the
 * time it was {@code recordedAt} (ISO-8601, UTC), the {@code scheme} id, the {@code actor}, the {@code familyId},
 * and its own fields; amounts are written {@code "GBP 12.50"}. {@code JOURNAL.md} in the repository documents
 * every field of every type.
 *
 * <p>The format is a contract: other people's systems read it, and a journal kept for audit outlives any
 * release. A journal written by any released version is read by every later one (golden files in the tests
 * prove it); a change that would alter what a line means is a new format version. Reading is strict: an unknown
 * field, a missing one, a wrong type or a value the model refuses is a {@link JournalFormatException} naming
 * the field, never quoting free text (the journal holds none: a request is recorded without its description).
 *
 * <p>{@link #write} and {@link #read} are exact inverses. Stateless and thread-safe.
 */
public final class JournalFormat {

  /** The journal format version this library writes, and the newest it reads: 1. */
  public static final int FORMAT = 1;

  /** The longest line read: 64 KiB, far above any event's. */
  public static final int MAX_LINE_LENGTH = 64 * 1024;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxNumberLength(20)
              .maxStringLength(MAX_LINE_LENGTH).build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build())
      .build();

  private static final String[] COMMON = {"type", "format", "sequence", "recordedAt", "scheme", "actor",
      "familyId"};

  private JournalFormat() {}

  /**
   * One line of a journal read back: the scheme it belongs to and the event.
   *
   * @param scheme the scheme the event was recorded in, not null
   * @param event the event, not null
   */
  public record Line(SchemeId scheme, LedgerEvent event) {

    /**
     * Checks the components.
     *
     * @param scheme the scheme component
     * @param event the event component
     * @throws NullPointerException if a component is null
     */
    public Line {
      requireNonNull(scheme, "scheme");
      requireNonNull(event, "event");
    }
  }

  /**
   * Writes an event as one line of JSON, without a line break.
   *
   * @param scheme the scheme the event belongs to, not null
   * @param event the event, not null
   * @return the line, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a {@code Submitted} event names another scheme
   */
  public static String write(SchemeId scheme, LedgerEvent event) {
    requireNonNull(scheme, "scheme");
    requireNonNull(event, "event");
    ObjectNode json = NODES.objectNode();
    json.put("type", typeOf(event));
    json.put("format", FORMAT);
    json.put("sequence", event.sequence());
    json.put("recordedAt", event.recordedAt().toString());
    json.put("scheme", scheme.value());
    json.put("actor", event.actor().value());
    json.put("familyId", event.familyId().value());
    if (event instanceof LedgerEvent.RequestEvent) {
      json.put("requestId", ((LedgerEvent.RequestEvent) event).requestId().value());
    }
    if (event instanceof LedgerEvent.Allocated) {
      AllocationRecord record = ((LedgerEvent.Allocated) event).record();
      ObjectNode allocation = json.putObject("allocation");
      allocation.put("method", record.method().name());
      allocation.put("arm", record.arm().name());
      record.stratum().ifPresent(band -> allocation.put("stratum", band.youngest() + "-" + band.oldest()));
      allocation.put("allocatedOn", record.allocatedOn().toString());
    } else if (event instanceof LedgerEvent.Submitted) {
      LedgerEvent.Submitted submitted = (LedgerEvent.Submitted) event;
      if (!submitted.schemeId().equals(scheme)) {
        throw new IllegalArgumentException("event " + event.sequence() + " was decided in scheme '"
            + submitted.schemeId() + "', not '" + scheme + "'");
      }
      json.set("request", request(submitted.request()));
      json.put("requestFingerprint", submitted.requestFingerprint().hex());
      json.put("configurationFingerprint", submitted.configurationFingerprint().hex());
      json.set("decision", decision(submitted.decision()));
    } else if (event instanceof LedgerEvent.Reserved) {
      LedgerEvent.Reserved reserved = (LedgerEvent.Reserved) event;
      json.put("amount", reserved.amount().toString());
      json.put("day", reserved.day().toString());
      ArrayNode charges = json.putArray("charges");
      for (Charge charge : reserved.charges()) {
        UsageKey key = charge.key();
        ObjectNode node = charges.addObject();
        node.put("allowanceId", key.allowanceId().value());
        node.put("scope", key.scope().name());
        node.put("holder", key.holder());
        ObjectNode period = node.putObject("period");
        period.put("kind", key.period().kind().name());
        period.put("start", key.period().start().toString());
        period.put("end", key.period().end().toString());
        node.put("amount", charge.amount().toString());
      }
      reserved.expiresAt().ifPresent(at -> json.put("expiresAt", at.toString()));
    } else if (event instanceof LedgerEvent.Approved) {
      LedgerEvent.Approved approved = (LedgerEvent.Approved) event;
      json.put("role", approved.role().name());
      json.put("at", approved.at().toString());
    } else if (event instanceof LedgerEvent.Rejected) {
      released(json, ((LedgerEvent.Rejected) event).released(), ((LedgerEvent.Rejected) event).at());
    } else if (event instanceof LedgerEvent.Posted) {
      LedgerEvent.Posted posted = (LedgerEvent.Posted) event;
      json.put("amount", posted.amount().toString());
      released(json, posted.released(), posted.at());
    } else if (event instanceof LedgerEvent.Voided) {
      released(json, ((LedgerEvent.Voided) event).released(), ((LedgerEvent.Voided) event).at());
    } else if (event instanceof LedgerEvent.Expired) {
      released(json, ((LedgerEvent.Expired) event).released(), ((LedgerEvent.Expired) event).at());
    } else {
      LedgerEvent.Refunded refunded = (LedgerEvent.Refunded) event;
      json.put("amount", refunded.amount().toString());
      json.put("restoresAllowance", refunded.restoresAllowance());
      json.put("at", refunded.at().toString());
    }
    return JSON.writeValueAsString(json);
  }

  private static void released(ObjectNode json, Money released, Instant at) {
    json.put("released", released.toString());
    json.put("at", at.toString());
  }

  /**
   * Returns the name an event's type has in the journal: its record's simple name, such as {@code "Posted"}.
   *
   * @param event the event, not null
   * @return the type's name, not null
   */
  public static String typeOf(LedgerEvent event) {
    return requireNonNull(event, "event").getClass().getSimpleName();
  }

  private static ObjectNode request(SpendRequest request) {
    ObjectNode json = NODES.objectNode();
    json.put("id", request.id().value());
    json.put("familyId", request.familyId().value());
    ArrayNode children = json.putArray("childIds");
    request.childIds().forEach(child -> children.add(child.value()));
    ObjectNode shares = json.putObject("childShares");
    request.childShares().forEach((child, share) -> shares.put(child.value(), share.toString()));
    json.put("teamId", request.teamId().value());
    json.put("requestedBy", request.requestedBy().value());
    json.put("amount", request.amount().toString());
    json.put("category", request.category().name());
    request.subcategory().ifPresent(sub -> json.put("subcategory", sub.toString()));
    json.put("requestedAt", request.requestedAt().toString());
    json.put("paymentMethod", request.paymentMethod().name());
    json.put("vatRecoverable", request.vatRecoverable());
    request.evidenceReference().ifPresent(reference -> json.put("evidenceReference", reference));
    return json;
  }

  private static ObjectNode decision(Decision decision) {
    ObjectNode json = NODES.objectNode();
    json.put("outcome", decision.outcome().name());
    ArrayNode findings = json.putArray("findings");
    for (Finding finding : decision.findings()) {
      ObjectNode node = findings.addObject();
      node.put("code", finding.code().name());
      node.put("message", finding.message());
      finding.figures().ifPresent(figures -> {
        ObjectNode numbers = node.putObject("figures");
        numbers.put("name", figures.name());
        numbers.put("limit", figures.limit().toString());
        numbers.put("spent", figures.spent().toString());
        numbers.put("reserved", figures.reserved().toString());
        numbers.put("requested", figures.requested().toString());
        figures.resetsOn().ifPresent(day -> numbers.put("resetsOn", day.toString()));
      });
      finding.role().ifPresent(role -> node.put("role", role.name()));
    }
    decision.requiredRole().ifPresent(role -> json.put("requiredRole", role.name()));
    json.put("requiredTier", decision.requiredTier());
    json.put("configurationVersion", decision.configurationVersion());
    return json;
  }

  /**
   * Reads one line of a journal.
   *
   * @param line one JSON object, not null
   * @return the scheme and the event, not null
   * @throws NullPointerException if {@code line} is null
   * @throws JournalFormatException if the line is not one well-formed event of a format this library reads
   */
  public static Line read(String line) {
    requireNonNull(line, "line");
    if (line.length() > MAX_LINE_LENGTH) {
      throw new JournalFormatException("$", "a line is longer than " + MAX_LINE_LENGTH + " characters", null);
    }
    JsonNode root;
    try {
      root = JSON.readTree(line);
    } catch (JacksonException e) {
      throw new JournalFormatException("$", "is not one well-formed JSON object"
          + (e.getLocation() == null ? "" : " (column " + e.getLocation().getColumnNr() + ")"), e);
    }
    Node json = new Node("$", root);
    json.requireObject();
    long format = json.integer("format", 1, Integer.MAX_VALUE);
    if (format != FORMAT) {
      throw new JournalFormatException("$.format", "is " + format + ", but this version of the library reads "
          + "journal format " + FORMAT + " (and older); read it with the library that wrote it", null);
    }
    String type = json.text("type");
    SchemeId scheme = json.identifier("scheme", SchemeId::of);
    long sequence = json.integer("sequence", 1, Long.MAX_VALUE);
    Instant recordedAt = json.instant("recordedAt");
    WorkerId actor = json.identifier("actor", WorkerId::of);
    FamilyId familyId = json.identifier("familyId", FamilyId::of);
    try {
      return new Line(scheme, event(json, type, scheme, sequence, recordedAt, actor, familyId));
    } catch (JournalFormatException e) {
      throw e;
    } catch (IllegalArgumentException | IllegalStateException e) {
      // The model's own checks (a decision that does not fit its findings, charges that do not add up).
      throw new JournalFormatException("$", "event " + sequence + " (" + SafeText.excerpt(type) + ") is not a "
          + "valid event: " + SafeText.escapeUnsafe(String.valueOf(e.getMessage())), e);
    }
  }

  private static LedgerEvent event(Node json, String type, SchemeId scheme, long sequence, Instant recordedAt,
      WorkerId actor, FamilyId familyId) {
    switch (type) {
      case "Allocated": {
        json.only("allocation");
        Node allocation = json.child("allocation");
        allocation.onlyFields("method", "arm", "stratum", "allocatedOn");
        Optional<AgeBand> stratum = allocation.has("stratum")
            ? Optional.of(allocation.parse("stratum", "an age band such as \"0-4\"", JournalFormat::ageBand))
            : Optional.empty();
        return new LedgerEvent.Allocated(sequence, recordedAt, actor, familyId, AllocationRecord.of(familyId,
            allocation.enumValue("method", AllocationMethod.class), allocation.enumValue("arm", Arm.class),
            stratum, allocation.date("allocatedOn")));
      }
      case "Submitted": {
        json.only("requestId", "request", "requestFingerprint", "configurationFingerprint", "decision");
        SpendRequest request = request(json.child("request"));
        RequestId requestId = json.identifier("requestId", RequestId::of);
        if (!requestId.equals(request.id())) {
          throw new JournalFormatException("$.requestId", "is not the request's own id", null);
        }
        return new LedgerEvent.Submitted(sequence, recordedAt, actor, familyId, request,
            json.parse("requestFingerprint", "64 hexadecimal digits", Fingerprint::parse), scheme,
            json.parse("configurationFingerprint", "64 hexadecimal digits", Fingerprint::parse),
            decision(json.child("decision"), requestId));
      }
      case "Reserved": {
        json.only("requestId", "amount", "day", "charges", "expiresAt");
        List<Charge> charges = new ArrayList<>();
        for (Node charge : json.array("charges")) {
          charge.onlyFields("allowanceId", "scope", "holder", "period", "amount");
          Node period = charge.child("period");
          period.onlyFields("kind", "start", "end");
          BudgetPeriod drawn = BudgetPeriod.of(period.enumValue("kind", PeriodKind.class), period.date("start"),
              period.date("end"));
          String holder = charge.text("holder");
          charges.add(new Charge(new UsageKey(charge.identifier("allowanceId", AllowanceId::of),
              charge.enumValue("scope", AllowanceScope.class), holder, drawn), charge.money("amount")));
        }
        return new LedgerEvent.Reserved(sequence, recordedAt, actor, familyId,
            json.identifier("requestId", RequestId::of), json.money("amount"), json.date("day"), charges,
            json.has("expiresAt") ? Optional.of(json.instant("expiresAt")) : Optional.empty());
      }
      case "Approved":
        json.only("requestId", "role", "at");
        return new LedgerEvent.Approved(sequence, recordedAt, actor, familyId,
            json.identifier("requestId", RequestId::of), json.enumValue("role", ApprovalRole.class),
            json.instant("at"));
      case "Rejected":
        json.only("requestId", "released", "at");
        return new LedgerEvent.Rejected(sequence, recordedAt, actor, familyId,
            json.identifier("requestId", RequestId::of), json.money("released"), json.instant("at"));
      case "Posted":
        json.only("requestId", "amount", "released", "at");
        return new LedgerEvent.Posted(sequence, recordedAt, actor, familyId,
            json.identifier("requestId", RequestId::of), json.money("amount"), json.money("released"),
            json.instant("at"));
      case "Voided":
        json.only("requestId", "released", "at");
        return new LedgerEvent.Voided(sequence, recordedAt, actor, familyId,
            json.identifier("requestId", RequestId::of), json.money("released"), json.instant("at"));
      case "Expired":
        json.only("requestId", "released", "at");
        return new LedgerEvent.Expired(sequence, recordedAt, actor, familyId,
            json.identifier("requestId", RequestId::of), json.money("released"), json.instant("at"));
      case "Refunded":
        json.only("requestId", "amount", "restoresAllowance", "at");
        return new LedgerEvent.Refunded(sequence, recordedAt, actor, familyId,
            json.identifier("requestId", RequestId::of), json.money("amount"), json.bool("restoresAllowance"),
            json.instant("at"));
      default:
        throw new JournalFormatException("$.type", "must be one of [Allocated, Submitted, Reserved, Approved, "
            + "Rejected, Posted, Voided, Expired, Refunded], but was " + SafeText.excerpt(type), null);
    }
  }

  private static SpendRequest request(Node json) {
    json.onlyFields("id", "familyId", "childIds", "childShares", "teamId", "requestedBy", "amount", "category",
        "subcategory", "requestedAt", "paymentMethod", "vatRecoverable", "evidenceReference");
    SpendRequest.Builder request = SpendRequest.builder()
        .id(json.identifier("id", RequestId::of))
        .familyId(json.identifier("familyId", FamilyId::of))
        .teamId(json.identifier("teamId", TeamId::of))
        .requestedBy(json.identifier("requestedBy", WorkerId::of))
        .amount(json.money("amount"))
        .category(json.enumValue("category", SpendCategory.class))
        .requestedAt(json.instant("requestedAt"))
        .paymentMethod(json.enumValue("paymentMethod", PaymentMethod.class))
        .vatRecoverable(json.bool("vatRecoverable"));
    for (Node child : json.array("childIds")) {
      request.addChildIds(child.identifierValue(ChildId::of));
    }
    Node shares = json.child("childShares");
    shares.requireObject();
    Map<ChildId, Money> byChild = new LinkedHashMap<>();
    for (Iterator<String> names = shares.node.propertyNames().iterator(); names.hasNext();) {
      String child = names.next();
      byChild.put(shares.nameAsIdentifier(child, ChildId::of), shares.money(child));
    }
    request.childShares(byChild);
    if (json.has("subcategory")) {
      request.subcategory(json.parse("subcategory", "CATEGORY/code", Subcategory::parse));
    }
    if (json.has("evidenceReference")) {
      request.evidenceReference(json.text("evidenceReference"));
    }
    return request.build();
  }

  private static Decision decision(Node json, RequestId requestId) {
    json.onlyFields("outcome", "findings", "requiredRole", "requiredTier", "configurationVersion");
    List<Finding> findings = new ArrayList<>();
    for (Node finding : json.array("findings")) {
      finding.onlyFields("code", "message", "figures", "role");
      Figures figures = null;
      if (finding.has("figures")) {
        Node numbers = finding.child("figures");
        numbers.onlyFields("name", "limit", "spent", "reserved", "requested", "resetsOn");
        figures = Figures.of(numbers.text("name"), numbers.money("limit"), numbers.money("spent"),
            numbers.money("reserved"), numbers.money("requested"),
            numbers.has("resetsOn") ? numbers.date("resetsOn") : null);
      }
      findings.add(Finding.of(finding.enumValue("code", FindingCode.class), finding.text("message"), figures,
          finding.has("role") ? finding.enumValue("role", ApprovalRole.class) : null));
    }
    return Decision.of(requestId, json.enumValue("outcome", Outcome.class), findings,
        json.has("requiredRole") ? json.enumValue("requiredRole", ApprovalRole.class) : null,
        (int) json.integer("requiredTier", -1, Integer.MAX_VALUE),
        (int) json.integer("configurationVersion", 1, Integer.MAX_VALUE));
  }

  private static AgeBand ageBand(String text) {
    int dash = text.indexOf('-');
    if (dash < 0) {
      throw new IllegalArgumentException("no '-' between the ages");
    }
    return AgeBand.of(Integer.parseInt(text.substring(0, dash)), Integer.parseInt(text.substring(dash + 1)));
  }

  /** A value of a journal line with its path, read strictly; problems never quote a value whole. */
  private static final class Node {
    final String path;
    final JsonNode node;

    Node(String path, JsonNode node) {
      this.path = path;
      this.node = node;
    }

    JournalFormatException problem(String message) {
      return new JournalFormatException(path, message, null);
    }

    void requireObject() {
      if (!node.isObject()) {
        throw problem("must be an object");
      }
    }

    /** The line's own fields: the common ones and these. */
    void only(String... fields) {
      String[] known = new String[COMMON.length + fields.length];
      System.arraycopy(COMMON, 0, known, 0, COMMON.length);
      System.arraycopy(fields, 0, known, COMMON.length, fields.length);
      onlyFields(known);
    }

    void onlyFields(String... known) {
      requireObject();
      Set<String> allowed = Set.of(known);
      for (String name : node.propertyNames()) {
        if (!allowed.contains(name)) {
          throw new JournalFormatException(org.devolvedbudgets.json.read.JsonValue.fieldPath(path, name),
              "is not a field of this event in journal format " + FORMAT, null);
        }
      }
    }

    boolean has(String field) {
      return node.has(field) && !node.get(field).isNull();
    }

    Node child(String field) {
      String at = org.devolvedbudgets.json.read.JsonValue.fieldPath(path, field);
      if (!has(field)) {
        throw new JournalFormatException(at, "is required", null);
      }
      return new Node(at, node.get(field));
    }

    List<Node> array(String field) {
      Node array = child(field);
      if (!array.node.isArray()) {
        throw array.problem("must be an array");
      }
      List<Node> items = new ArrayList<>(array.node.size());
      for (int i = 0; i < array.node.size(); i++) {
        items.add(new Node(array.path + "[" + i + "]", array.node.get(i)));
      }
      return items;
    }

    String text(String field) {
      return child(field).textValue();
    }

    String textValue() {
      if (!node.isString()) {
        throw problem("must be a string");
      }
      return node.stringValue();
    }

    boolean bool(String field) {
      Node value = child(field);
      if (!value.node.isBoolean()) {
        throw value.problem("must be true or false");
      }
      return value.node.booleanValue();
    }

    long integer(String field, long min, long max) {
      Node value = child(field);
      if (!value.node.isIntegralNumber() || !value.node.canConvertToLong()) {
        throw value.problem("must be a whole number");
      }
      long number = value.node.longValue();
      if (number < min || number > max) {
        throw value.problem("must be " + min + " to " + max + ", but was " + number);
      }
      return number;
    }

    <T> T parse(String field, String expected, Function<String, T> parser) {
      Node value = child(field);
      String text = value.textValue();
      try {
        return parser.apply(text);
      } catch (RuntimeException e) {
        throw new JournalFormatException(value.path, "must be " + expected + ", but was " + SafeText.excerpt(text),
            e);
      }
    }

    <T extends Identifier<T>> T identifier(String field, Function<String, T> factory) {
      return child(field).identifierValue(factory);
    }

    <T extends Identifier<T>> T identifierValue(Function<String, T> factory) {
      String text = textValue();
      try {
        return factory.apply(text);
      } catch (IllegalArgumentException e) {
        throw new JournalFormatException(path, "must be an identifier: " + e.getMessage(), e);
      }
    }

    <T extends Identifier<T>> T nameAsIdentifier(String name, Function<String, T> factory) {
      try {
        return factory.apply(name);
      } catch (IllegalArgumentException e) {
        throw new JournalFormatException(org.devolvedbudgets.json.read.JsonValue.fieldPath(path, name),
            "must be named by an identifier: " + e.getMessage(), e);
      }
    }

    Money money(String field) {
      return parse(field, "an amount such as \"GBP 12.50\"", Money::parse);
    }

    LocalDate date(String field) {
      return parse(field, "a date such as \"2019-04-01\"", LocalDate::parse);
    }

    Instant instant(String field) {
      return parse(field, "an ISO-8601 instant such as \"2019-06-03T09:15:00Z\"", text -> {
        try {
          return Instant.parse(text);
        } catch (DateTimeException e) {
          throw new IllegalArgumentException("not an instant", e);
        }
      });
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type) {
      return parse(field, "one of " + java.util.Arrays.toString(type.getEnumConstants()),
          text -> Enum.valueOf(type, text));
    }

    @Override
    public String toString() {
      return path;
    }
  }
}

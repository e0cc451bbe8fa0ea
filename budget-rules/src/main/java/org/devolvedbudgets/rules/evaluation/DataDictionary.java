package org.devolvedbudgets.rules.evaluation;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What every column of the evaluator's CSV files means: the pseudonymised requests ({@link PseudonymisedCsv}),
 * the allocation log ({@link AllocationLog}) and the CONSORT counts ({@link ConsortFlow#writeCsv}). Written as
 * Markdown for people and as CSV for R, Stata or a data management plan; each file's dictionary names exactly its
 * columns, in order (a test holds them to it).
 *
 * <p>Immutable and thread-safe.
 *
 * @param file the CSV file described, such as {@code "requests"}
 * @param columns its columns, in order
 */
public record DataDictionary(String file, List<Column> columns) {

  /**
   * One column.
   *
   * @param name the header's name, not null
   * @param type {@code text}, {@code integer}, {@code decimal}, {@code date} (ISO-8601) or {@code code} (one of a
   *     fixed set, listed in the description), not null
   * @param description what it holds, its unit and when it is empty, not null
   */
  public record Column(String name, String type, String description) {

    /**
     * Checks the components.
     *
     * @param name the name
     * @param type the type
     * @param description the description
     * @throws NullPointerException if a component is null
     */
    public Column {
      requireNonNull(name, "name");
      requireNonNull(type, "type");
      requireNonNull(description, "description");
    }
  }

  /**
   * Checks the components and copies the list.
   *
   * @param file the file
   * @param columns the columns
   * @throws NullPointerException if a component or a column is null
   */
  public DataDictionary {
    requireNonNull(file, "file");
    columns = List.copyOf(columns);
  }

  private static final String PSEUDONYM = "a pseudonym: 20 hex digits of HMAC-SHA256 under the export's secret "
      + "key; the same identifier gives the same pseudonym within one export, and another key gives another";

  /** The pseudonymised requests, one row per request made in the report's range ({@link PseudonymisedCsv}). */
  public static final DataDictionary REQUESTS = new DataDictionary("requests", List.of(
      new Column("request", "text", "the request, " + PSEUDONYM),
      new Column("family", "text", "the family the money was for, " + PSEUDONYM),
      new Column("team", "text", "the social work team that asked, " + PSEUDONYM),
      new Column("worker", "text", "the worker who asked, " + PSEUDONYM),
      new Column("arm", "code", "the family's arm: " + names(org.devolvedbudgets.rules.allocation.Arm.values())
          + " (NOT_RANDOMISED when the scheme does not randomise)"),
      new Column("stratum", "text", "the age band the family was randomised within, such as 5-9 (years); empty "
          + "when not stratified"),
      new Column("requested_on", "date", "the day the request was made, Europe/London"),
      new Column("category", "code", "what the money was for: "
          + names(org.devolvedbudgets.model.spend.SpendCategory.values())),
      new Column("subcategory", "text", "the scheme's finer code within the category, such as DAY_OUT; empty "
          + "when none"),
      new Column("payment_method", "code", "how it was to be paid: "
          + names(org.devolvedbudgets.model.spend.PaymentMethod.values())),
      new Column("currency", "code", "the ISO 4217 currency of every amount in the row, such as GBP"),
      new Column("amount", "decimal", "the amount asked for, in the currency's major units (pounds)"),
      new Column("outcome", "code", "the rules' decision: " + names(org.devolvedbudgets.rules.Outcome.values())),
      new Column("findings", "text", "the finding codes behind the decision, separated by semicolons; empty when "
          + "none"),
      new Column("approval_role", "code", "the role the decision needed to approve it; empty when none"),
      new Column("configuration_version", "integer", "the version of the scheme's rules the decision was made "
          + "under, 1 or more"),
      new Column("status", "code", "where the request ended: " + names(RequestStatus.values())),
      new Column("minutes_to_decision", "integer", "minutes from the request to its final decision (approval, "
          + "rejection or expiry); 0 when decided at once; empty when still awaiting one"),
      new Column("paid", "decimal", "the amount paid, in major units; empty unless the status is POSTED"),
      new Column("minutes_to_payment", "integer", "minutes from the request to its payment; empty when not paid"),
      new Column("refunded", "decimal", "the amount refunded after payment, in major units; empty when none")));

  /** The allocation log of a randomised scheme, one row per family allocated ({@link AllocationLog}). */
  public static final DataDictionary ALLOCATIONS = new DataDictionary("allocations", List.of(
      new Column("family", "text", "the family, " + PSEUDONYM),
      new Column("stratum", "text", "the age band the family was randomised within, such as 5-9 (years); empty "
          + "when not stratified"),
      new Column("arm", "code", "the arm allocated: " + names(org.devolvedbudgets.rules.allocation.Arm.values())),
      new Column("allocated_on", "date", "the day of the allocation, Europe/London"),
      new Column("method", "code", "how the arm was chosen: "
          + names(org.devolvedbudgets.model.scheme.AllocationMethod.values()))));

  /** The CONSORT-style counts per arm ({@link ConsortFlow}). */
  public static final DataDictionary CONSORT = new DataDictionary("consort", List.of(
      new Column("arm", "code", "the arm: " + names(org.devolvedbudgets.rules.allocation.Arm.values())),
      new Column("allocated", "integer", "families allocated to the arm before the range ended"),
      new Column("applied", "integer", "of those, families with at least one request made in the range"),
      new Column("received", "integer", "of those, families with money paid (net of refunds) for a request made in "
          + "the range"),
      new Column("analysed", "integer", "families analysed by intention to treat: every family allocated, "
          + "whatever it received")));

  private static String names(Enum<?>[] values) {
    return String.join(", ", Arrays.stream(values).map(Enum::name).toArray(String[]::new));
  }

  /**
   * Returns the header row of the file described, without a line end.
   *
   * @return the column names separated by commas, not null
   */
  public String header() {
    List<String> names = new ArrayList<>();
    columns.forEach(column -> names.add(column.name()));
    return String.join(",", names);
  }

  /**
   * Writes the dictionary as a Markdown table.
   *
   * @param out where to write, not null; not closed
   * @throws NullPointerException if {@code out} is null
   * @throws UncheckedIOException if {@code out} fails
   */
  public void writeMarkdown(Appendable out) {
    requireNonNull(out, "out");
    try {
      out.append("# ").append(file).append(".csv: data dictionary\n\n");
      out.append("One row per ").append(file.equals("requests") ? "request" : file.equals("allocations")
          ? "allocated family" : "arm").append("; comma-separated, UTF-8, CRLF line ends, a header row.\n\n");
      out.append("| column | type | meaning |\n|---|---|---|\n");
      for (Column column : columns) {
        out.append("| `").append(column.name()).append("` | ").append(column.type()).append(" | ")
            .append(column.description().replace("|", "\\|")).append(" |\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the dictionary as CSV: a header row {@code column,type,description}, then one row per column.
   *
   * @param out where to write, not null; not closed
   * @throws NullPointerException if {@code out} is null
   * @throws UncheckedIOException if {@code out} fails
   */
  public void writeCsv(Appendable out) {
    requireNonNull(out, "out");
    try {
      out.append("column,type,description\r\n");
      for (Column column : columns) {
        out.append(column.name()).append(',').append(column.type()).append(",\"")
            .append(column.description().replace("\"", "\"\"")).append("\"\r\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns a developer's form: the file and its number of columns.
   *
   * @return the text form, not null
   */
  @Override
  public String toString() {
    return "DataDictionary[" + file + ".csv, " + columns.size() + " columns]";
  }
}

package org.devolvedbudgets.json.read;

/**
 * What kind of problem a file has. Stable codes: documented here, never renamed or reused once released; a
 * message may improve, a code may not change.
 */
public enum FileProblemCode {

  /** The file cannot be read: missing, a directory, or not permitted. */
  UNREADABLE,

  /** The file is larger than the reader accepts. */
  TOO_LARGE,

  /** The file is not UTF-8 text. */
  NOT_UTF8,

  /** The file holds no document. */
  EMPTY,

  /** The file is not valid JSON (or YAML), or ends in the middle of its document. */
  SYNTAX,

  /** Something follows the end of the file's one document. */
  TRAILING_CONTENT,

  /** An object gives the same field twice. */
  DUPLICATE_FIELD,

  /** Arrays and objects nest deeper than the reader accepts, or a number or a string is longer. */
  TOO_COMPLEX,

  /** A field the format does not know; a misspelt field is never ignored. */
  UNKNOWN_FIELD,

  /** A required field is missing. */
  MISSING_FIELD,

  /** A value is of the wrong type: a number where a string belongs, an object where an array does. */
  WRONG_TYPE,

  /** An amount is not of the form {@code "GBP 12.50"}, or is in the wrong scale. */
  BAD_AMOUNT,

  /** A date or time is not of the documented form, or is outside the dates the library supports. */
  BAD_DATE,

  /** An identifier breaks the rules for identifiers. */
  BAD_IDENTIFIER,

  /** A value is of the right type but not one the format allows: an unknown enum constant, a number out of range,
   * text that is blank or too long. */
  BAD_VALUE,

  /** The file's {@code format} is not one this version of the library reads. */
  UNSUPPORTED_FORMAT,

  /**
   * The values are well formed but break one of the model's own rules, such as a cap in another currency; the
   * model's {@link org.devolvedbudgets.model.scheme.ProblemCode} says which ({@link FileProblem#configurationCode()}).
   */
  CONFIGURATION
}

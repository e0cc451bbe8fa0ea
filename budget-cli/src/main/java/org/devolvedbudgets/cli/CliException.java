package org.devolvedbudgets.cli;

/**
 * A failure the command explains in one line: bad input it found itself, such as a journal that already holds
 * events or a key file that is too short. The message names the file or option, never quoting its content.
 */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CliException(String message) {
    super(message);
  }
}

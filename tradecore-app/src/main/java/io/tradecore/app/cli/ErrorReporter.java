package io.tradecore.app.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line {@code error: <message>} on stderr: bad usage exits 2, a run
 * that fails exits 1. Stack traces are shown only with {@code --debug} or TRADECORE_DEBUG=1.
 */
public final class ErrorReporter implements IParameterExceptionHandler, IExecutionExceptionHandler {
  public static final int RUNTIME_ERROR = 1;
  public static final int USAGE_ERROR = 2;
  public static final String DEBUG_OPTION = "--debug";

  private final boolean debugFromEnvironment;

  /**
   * @param debugFromEnvironment true when TRADECORE_DEBUG=1 was set
   */
  public ErrorReporter(boolean debugFromEnvironment) {
    this.debugFromEnvironment = debugFromEnvironment;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    report(ex.getCommandLine(), ex, debugFromEnvironment || List.of(args).contains(DEBUG_OPTION));
    return USAGE_ERROR;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
    boolean debug =
        debugFromEnvironment || (parsed != null && parsed.originalArgs().contains(DEBUG_OPTION));
    report(cmd, ex, debug);
    return RUNTIME_ERROR;
  }

  private static void report(CommandLine cmd, Exception ex, boolean debug) {
    PrintWriter err = cmd.getErr();
    if (debug) {
      ex.printStackTrace(err);
    }
    err.println("error: " + message(ex));
    err.flush();
  }

  /** The exception's message on one line, or its type when it has none. */
  static String message(Throwable ex) {
    if (ex instanceof UncheckedIOException && ex.getCause() != null) {
      ex = ex.getCause();
    }
    String m = ex.getMessage();
    if (m == null || m.isBlank()) {
      m = ex.getClass().getSimpleName();
    } else if (ex instanceof FileSystemException) {
      // Their message is often just the path: say what went wrong with it.
      m = ex.getClass().getSimpleName() + ": " + m;
    }
    return m.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}

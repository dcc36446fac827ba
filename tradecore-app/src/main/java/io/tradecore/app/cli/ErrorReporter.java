package io.tradecore.app.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

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
    boolean debug = debugFromEnvironment || List.of(args).contains(DEBUG_OPTION);
    report(ex.getCommandLine(), ex, usageMessage(ex), debug);
    return USAGE_ERROR;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
    boolean debug =
        debugFromEnvironment || (parsed != null && parsed.originalArgs().contains(DEBUG_OPTION));
    report(cmd, ex, message(ex), debug);
    return RUNTIME_ERROR;
  }

  private static void report(CommandLine cmd, Exception ex, String message, boolean debug) {
    PrintWriter err = cmd.getErr();
    if (debug) {
      ex.printStackTrace(err);
    }
    err.println("error: " + message);
    err.flush();
  }

  /**
   * A usage mistake in the user's words: a value that is not a number names its option ({@code
   * --fee-bps: 'x' is not a number}), and a mistyped command or option gets the closest ones
   * ({@code unknown command 'backtset'; did you mean backtest?}).
   */
  static String usageMessage(ParameterException ex) {
    if (ex.getCause() instanceof TypeConversionException bad && ex.getArgSpec() != null) {
      ArgSpec arg = ex.getArgSpec();
      String name = arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
      return name + ": " + message(bad);
    }
    if (ex instanceof UnmatchedArgumentException unmatched) {
      List<String> args = unmatched.getUnmatched();
      List<String> suggestions = unmatched.getSuggestions();
      CommandLine cmd = unmatched.getCommandLine();
      boolean command =
          !args.isEmpty() && !unmatched.isUnknownOption() && !cmd.getSubcommands().isEmpty();
      String what = command ? "unknown command '" + args.getFirst() + "'" : message(ex);
      if (!suggestions.isEmpty()) {
        return what + "; did you mean " + suggestions.getFirst() + "?"; // the closest first
      }
      if (command) {
        return what + "; the commands are " + String.join(", ", cmd.getSubcommands().keySet());
      }
    }
    return message(ex);
  }

  /**
   * The exception's message on one line, or its type when it has none; a full disk is said in those
   * words, whichever layer (a commit, a log file) met it.
   */
  static String message(Throwable ex) {
    String full = diskFull(ex);
    if (full != null) {
      return full;
    }
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

  /**
   * "disk full: ..." if a full disk is among the causes of {@code ex} (SQLite, PostgreSQL, files).
   */
  private static String diskFull(Throwable ex) {
    Throwable t = ex;
    for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      boolean full =
          (t instanceof SQLException sql && "53100".equals(sql.getSQLState()))
              || m.contains("SQLITE_FULL")
              || m.contains("database or disk is full")
              || m.contains("No space left on device");
      if (full) {
        return "disk full: the database or a file beside it could not be written; free some"
            + " space and run the command again";
      }
    }
    return null;
  }
}

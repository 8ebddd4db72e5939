package dev.parallax.cli;

import dev.parallax.config.ConfigException;
import dev.parallax.ingest.IngestJob;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code jobs/parallax}: one subcommand per stage, plus tools. */
@Command(
    name = "parallax",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Compare how different sources cover the same story: Spark batch jobs from raw "
            + "coverage to comparison tables in Parquet.",
    subcommands = {
      IngestCommand.class,
      AnnotateCommand.class,
      CompareCommand.class,
      ReportCommand.class,
      RunCommand.class,
      ToneCommand.class,
      BenchCommand.class,
      SqlCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 job failed, 2 bad config or arguments, 3 input unreadable, "
          + "4 another run holds the lock, 5 a stage's input table is missing."
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a command, e.g. 'parallax run'");
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code; never calls System.exit. */
  public static int execute(String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(
        (ex, line, parsed) -> {
          PrintWriter err = line.getErr();
          Throwable root = ex;
          int code = exitCodeOf(root);
          if (code == ExitCodes.JOB_FAILED) {
            ex.printStackTrace(err);
          }
          err.println("parallax: error: " + oneLine(root));
          err.flush();
          return code;
        });
    cl.setParameterExceptionHandler(
        (ex, args2) -> {
          PrintWriter err = ex.getCommandLine().getErr();
          err.println("parallax: error: " + ex.getMessage());
          err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          err.flush();
          return ExitCodes.CONFIG;
        });
    return cl.execute(args);
  }

  static int exitCodeOf(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ConfigException) {
        return ExitCodes.CONFIG;
      }
      if (c instanceof IngestJob.InputException) {
        return ExitCodes.INPUT;
      }
      if (c instanceof dev.parallax.warehouse.RunLock.LockedException) {
        return ExitCodes.LOCKED;
      }
      if (c instanceof dev.parallax.warehouse.MissingTableException) {
        return ExitCodes.MISSING_TABLE;
      }
    }
    return ExitCodes.JOB_FAILED;
  }

  /**
   * The failure in one line: the message of the first known cause (config, input, lock, missing
   * table), else the exception's simple name and its message's first line.
   */
  static String oneLine(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ConfigException
          || c instanceof IngestJob.InputException
          || c instanceof dev.parallax.warehouse.RunLock.LockedException
          || c instanceof dev.parallax.warehouse.MissingTableException) {
        return String.valueOf(c.getMessage()).lines().findFirst().orElse("");
      }
    }
    String m = t.getMessage();
    return t.getClass().getSimpleName()
        + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
  }

  /** Reads the version from the jar manifest, or the build's resource when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"parallax " + version()};
    }
  }

  /** The application version, e.g. 0.1.0. */
  public static String version() {
    try (var in = Main.class.getResourceAsStream("/parallax-version.txt")) {
      return in == null
          ? "dev"
          : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
    } catch (java.io.IOException e) {
      return "dev";
    }
  }
}

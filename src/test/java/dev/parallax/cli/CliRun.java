package dev.parallax.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs the CLI in this JVM through {@link Main#execute}, capturing what it prints; the captured
 * output is echoed afterwards so it still shows in the test log.
 */
final class CliRun {
  private CliRun() {}

  record Outcome(int code, String out, String err) {
    /** The lines Parallax itself printed to stderr (Spark's log lines excluded). */
    List<String> errorLines() {
      return err.lines().filter(l -> l.startsWith("parallax:")).toList();
    }
  }

  static Outcome execute(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = Main.execute(args);
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    Outcome o =
        new Outcome(
            code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    System.out.print(o.out());
    System.out.print(o.err());
    return o;
  }
}

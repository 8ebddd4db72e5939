package dev.parallax;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The tests' child JVMs: {@code java} command lines with the flags Spark needs on Java 17 (as
 * Spark's launcher would add them), stopping a process and its descendants by pid, log tails.
 */
public final class JavaProcesses {
  private JavaProcesses() {}

  /** The one list of Spark's JVM flags for Java 17, which the launchers in jobs/ read. */
  public static final Path JAVA17_OPENS = Path.of("jobs", "java17-opens.txt");

  /** The flags in {@link #JAVA17_OPENS}: one a line, blank lines and {@code #} comments skipped. */
  public static List<String> sparkJavaOpens() {
    try {
      return Files.readAllLines(JAVA17_OPENS, StandardCharsets.UTF_8).stream().map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The test classpath (Surefire keeps it in java.class.path of the forked JVM). */
  public static String testClasspath() {
    return System.getProperty("java.class.path");
  }

  /**
   * Flags for short-lived test JVMs: the C1 compiler only and the serial collector about halve
   * the CPU time of a small run, which matters on a 2-core machine.
   */
  public static final List<String> QUICK_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  /**
   * {@code java -Xmx<heap> <quick flags> <opens> <jvmFlags> -cp <classpath> <mainClass> <args>}.
   */
  public static List<String> command(String heap, List<String> jvmFlags, String classpath,
      String mainClass, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx" + heap);
    cmd.addAll(QUICK_JVM);
    cmd.addAll(sparkJavaOpens());
    cmd.addAll(jvmFlags);
    cmd.add("-cp");
    cmd.add(classpath);
    cmd.add(mainClass);
    cmd.addAll(args);
    return cmd;
  }

  /** {@link #command} with no extra flags, stdout and stderr together to {@code log}. */
  public static ProcessBuilder java(String heap, String classpath, String mainClass,
      List<String> args, Path log) {
    return new ProcessBuilder(command(heap, List.of(), classpath, mainClass, args))
        .redirectErrorStream(true).redirectOutput(log.toFile());
  }

  /** Kills the process and everything it started (a worker's executors), each by pid, and waits. */
  public static void destroy(Process p) {
    if (p == null) {
      return;
    }
    List<ProcessHandle> children = p.descendants().toList();
    p.destroyForcibly();
    for (ProcessHandle c : children) {
      c.destroyForcibly();
    }
    try {
      p.waitFor(30, TimeUnit.SECONDS);
      for (ProcessHandle c : children) {
        c.onExit().get(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // Already gone, or not ours to wait for: nothing left to do.
    }
  }

  /** The last {@code lines} lines of a text. */
  public static String tail(String text, int lines) {
    List<String> all = text.lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  /** The last {@code lines} lines of a log file, for failure messages. */
  public static String tail(Path log, int lines) {
    try {
      if (!Files.exists(log)) {
        return "(no " + log + ")";
      }
      return "--- " + log + " ---\n"
          + tail(new String(Files.readAllBytes(log), StandardCharsets.UTF_8), lines);
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }
}

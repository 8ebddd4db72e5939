package dev.parallax;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A JVM that a test starts: the command line Spark's launcher would build on Java 17, output in
 * files, bounded waits, and a kill of the process and of everything it started. Every child is
 * killed by {@link #close()}, and by a shutdown hook if the test JVM exits first.
 *
 * <p>Start one with {@link #java(String)}: {@code java -Xmx<heap> <quick flags> <Java 17 flags>
 * -Djava.awt.headless=true <flags> -cp <classpath> <mainClass> <args>}, the test classpath unless
 * told otherwise, without the {@code PARALLAX_HOME} of the test's environment.
 */
public final class ChildJvm implements AutoCloseable {
  /** The one list of Spark's JVM flags for Java 17, which the launchers in jobs/ read. */
  public static final Path JAVA17_OPENS = Path.of("jobs", "java17-opens.txt");

  /**
   * Flags for short-lived test JVMs: the C1 compiler only and the serial collector about halve the
   * CPU time of a small run, which matters on a 2-core machine.
   */
  public static final List<String> QUICK_JVM =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  private static final Set<ProcessHandle> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> LIVE.forEach(ProcessHandle::destroyForcibly)));
  }

  private final Process process;
  private final Path out;
  private final Path err;

  private ChildJvm(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /** The flags in {@link #JAVA17_OPENS}: one a line, blank lines and {@code #} comments skipped. */
  public static List<String> sparkJavaOpens() {
    try {
      return Files.readAllLines(JAVA17_OPENS, StandardCharsets.UTF_8).stream()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The test classpath (Surefire keeps it in java.class.path of the forked JVM). */
  public static String testClasspath() {
    return System.getProperty("java.class.path");
  }

  /** A child JVM running {@code mainClass}, to configure and {@link Builder#start() start}. */
  public static Builder java(String mainClass) {
    return new Builder(mainClass);
  }

  /** What to start; every setting but the log file has a default. */
  public static final class Builder {
    private final String mainClass;
    private String heap = "1g";
    private String classpath = testClasspath();
    private final List<String> flags = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private Path directory;
    private Path out;
    private Path err;

    private Builder(String mainClass) {
      this.mainClass = mainClass;
    }

    /** The maximum heap, as for {@code -Xmx}; default 1g. */
    public Builder heap(String heap) {
      this.heap = heap;
      return this;
    }

    /** The classpath; default the test classpath. */
    public Builder classpath(String classpath) {
      this.classpath = classpath;
      return this;
    }

    /** {@code -Dkey=value}. */
    public Builder systemProperty(String key, String value) {
      flags.add("-D" + key + "=" + value);
      return this;
    }

    /** Arguments of the main class, appended. */
    public Builder args(List<String> args) {
      this.args.addAll(args);
      return this;
    }

    /** Arguments of the main class, appended. */
    public Builder args(String... args) {
      return args(List.of(args));
    }

    /** An environment variable of the child. */
    public Builder env(String name, String value) {
      env.put(name, value);
      return this;
    }

    /** The working directory; default this JVM's. */
    public Builder directory(Path directory) {
      this.directory = directory;
      return this;
    }

    /** stdout and stderr together in one file. */
    public Builder log(Path log) {
      return log(log, log);
    }

    /** stdout to {@code out}, stderr to {@code err}. */
    public Builder log(Path out, Path err) {
      this.out = out;
      this.err = err;
      return this;
    }

    /** The command line. */
    public List<String> command() {
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.add("-Xmx" + heap);
      cmd.addAll(QUICK_JVM);
      cmd.addAll(sparkJavaOpens());
      cmd.add("-Djava.awt.headless=true");
      cmd.addAll(flags);
      cmd.add("-cp");
      cmd.add(classpath);
      cmd.add(mainClass);
      cmd.addAll(args);
      return cmd;
    }

    /** Starts the JVM; its output goes to the files of {@link #log}, which must be set. */
    public ChildJvm start() throws IOException {
      if (out == null) {
        throw new IllegalStateException("no log file for " + mainClass);
      }
      ProcessBuilder pb = new ProcessBuilder(command());
      if (directory != null) {
        pb.directory(directory.toFile());
      }
      if (out.equals(err)) {
        pb.redirectErrorStream(true).redirectOutput(out.toFile());
      } else {
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
      }
      pb.environment().remove("PARALLAX_HOME");
      pb.environment().putAll(env);
      Process p = pb.start();
      ProcessHandle handle = p.toHandle();
      LIVE.add(handle);
      // Removing from a concurrent set cannot fail, so the stage's future needs no watching.
      var unused = p.onExit().thenRun(() -> LIVE.remove(handle));
      return new ChildJvm(p, out, err);
    }
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Everything the child has written to stdout so far (and stderr, when they share a file). */
  public String stdout() throws IOException {
    return read(out);
  }

  /** Everything the child has written to stderr so far (and stdout, when they share a file). */
  public String stderr() throws IOException {
    return read(err);
  }

  /**
   * Waits until a line of stdout ({@code fromStderr} false) or stderr starts with {@code prefix}.
   *
   * @throws AssertionError when the process exits first or the timeout passes, with its output
   */
  public void awaitLine(boolean fromStderr, String prefix, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String text = fromStderr ? stderr() : stdout();
      if (text.lines().anyMatch(l -> l.startsWith(prefix))) {
        return;
      }
      if (!process.isAlive()) {
        throw new AssertionError(
            "child exited with "
                + process.exitValue()
                + " before printing '"
                + prefix
                + "'\n"
                + describe());
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no line '" + prefix + "' within " + timeout + "\n" + describe());
  }

  /**
   * Waits for the child to exit and returns its exit code.
   *
   * @throws AssertionError when it still runs after {@code timeout}, with its output
   */
  public int awaitExit(Duration timeout) throws IOException, InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("child still running after " + timeout + "\n" + describe());
    }
    return process.exitValue();
  }

  /**
   * SIGKILL (on Linux) to the child and to every process it started (a worker's executors), each by
   * pid; waits until the child is gone and returns its exit code.
   */
  public int kill() throws InterruptedException {
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new AssertionError("child " + process.pid() + " survived SIGKILL for 60 s");
    }
    for (ProcessHandle d : descendants) {
      try {
        d.onExit().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        // Gone already, or not ours to wait for: nothing left to do.
      }
    }
    return process.exitValue();
  }

  /** The child's stdout and the tail of its stderr, for failure messages. */
  public String describe() throws IOException {
    if (out.equals(err)) {
      return tail(out, 60);
    }
    return "--- stdout\n" + stdout() + "--- stderr (tail)\n" + tail(stderr(), 40);
  }

  /** Kills the child and what it started, if still alive. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }

  /** The last {@code lines} lines of a text. */
  public static String tail(String text, int lines) {
    List<String> all = text.lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  /** The last {@code lines} lines of a log file, headed by its path, for failure messages. */
  public static String tail(Path log, int lines) {
    try {
      if (!Files.exists(log)) {
        return "(no " + log + ")";
      }
      return "--- " + log + " ---\n" + tail(read(log), lines);
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }
}

package dev.parallax.cli;

import dev.parallax.JavaProcesses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code dev.parallax.cli.Main} in a child JVM on the test classpath, with stdout and stderr in
 * files, so a test can wait for a line, kill the process (SIGKILL on Linux) and read what it left.
 * Every wait is bounded; {@link #close()} kills the process if it is still alive, and so does a
 * shutdown hook if the test JVM exits first.
 *
 * <p>The command line, with the flags Spark needs on Java 17, is {@link JavaProcesses#command}.
 */
final class ChildJvm implements AutoCloseable {
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly)));
  }

  private final Process process;
  private final Path out;
  private final Path err;

  private ChildJvm(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /**
   * Starts {@code Main} with {@code args} in {@code workDir} (which should hold no
   * jobs/parallax.yaml, so built-in defaults apply).
   *
   * @param name prefix of the log files {@code <name>.out} and {@code <name>.err} in workDir
   * @param systemProperties {@code key=value} pairs passed as {@code -Dkey=value}
   */
  static ChildJvm start(Path workDir, String name, List<String> systemProperties, String... args)
      throws IOException {
    List<String> flags = new ArrayList<>();
    flags.add("-Djava.awt.headless=true");
    for (String p : systemProperties) {
      flags.add("-D" + p);
    }
    List<String> cmd = JavaProcesses.command("1g", flags, JavaProcesses.testClasspath(),
        "dev.parallax.cli.Main", Arrays.asList(args));
    Path out = workDir.resolve(name + ".out");
    Path err = workDir.resolve(name + ".err");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().remove("PARALLAX_HOME");
    Process p = pb.start();
    LIVE.add(p);
    p.onExit().thenAccept(LIVE::remove);
    return new ChildJvm(p, out, err);
  }

  long pid() {
    return process.pid();
  }

  String stdout() throws IOException {
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  String stderr() throws IOException {
    return Files.readString(err, StandardCharsets.UTF_8);
  }

  /**
   * Waits until a line of stdout ({@code fromStderr} false) or stderr starts with {@code prefix}.
   *
   * @throws AssertionError when the process exits first or the timeout passes, with its output
   */
  void awaitLine(boolean fromStderr, String prefix, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String text = fromStderr ? stderr() : stdout();
      if (text.lines().anyMatch(l -> l.startsWith(prefix))) {
        return;
      }
      if (!process.isAlive()) {
        throw new AssertionError("child exited with " + process.exitValue() + " before printing '"
            + prefix + "'\n" + describe());
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no line '" + prefix + "' within " + timeout + "\n" + describe());
  }

  /** Waits for a normal exit and returns the exit code. */
  int awaitExit(Duration timeout) throws IOException, InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("child still running after " + timeout + "\n" + describe());
    }
    return process.exitValue();
  }

  /** SIGKILL (on Linux), then waits until the process is gone; returns its exit code. */
  int kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new AssertionError("child " + process.pid() + " survived SIGKILL for 60 s");
    }
    return process.exitValue();
  }

  String describe() throws IOException {
    return "--- stdout\n" + stdout() + "--- stderr (tail)\n" + JavaProcesses.tail(stderr(), 40);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}

package dev.parallax.cli;

import dev.parallax.TestCorpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A warehouse written once per test JVM by the CLI's {@code run} path, for tests that read the
 * published tables as an analyst would. The input is the corpus of {@link CliEndToEndTest}
 * (src/test/resources/corpus-mini plus {@link TestCorpus#SAMPLE_FILES} of data/coverage: 14
 * accepted records from 6 sources, one an exact duplicate, and 2 rejects), run in this JVM from the
 * project folder (so with jobs/parallax.yaml) for {@link #RUN_DATE} with {@link #SETTINGS}. The
 * directory is deleted when the JVM exits.
 */
public final class SampleWarehouse {
  public static final String RUN_DATE = "2025-02-10";

  /**
   * The run's options besides input, warehouse and run date: fewer bootstrap replicates and
   * permutations than the defaults, which changes intervals and p-values but no count, mean or
   * rate. A test that runs the same input elsewhere passes them too, for comparable tables.
   */
  public static final List<String> SETTINGS =
      List.of("--set", "compare.bootstrap_reps=200", "--set", "compare.permutations=199");

  private static Path dir;
  private static Path root;
  private static String stdout;

  private SampleWarehouse() {}

  /** The warehouse root, running the pipeline on first use; fails if the run does not exit 0. */
  public static synchronized Path get() {
    if (root == null) {
      try {
        root = run();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return root;
  }

  /** The input folder of the run, copied on first use; the run itself may not have happened yet. */
  public static synchronized Path input() {
    if (dir == null) {
      try {
        Path tmp = Files.createTempDirectory("parallax-sample-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(tmp)));
        TestCorpus.mini(tmp.resolve("coverage"), TestCorpus.SAMPLE_FILES);
        dir = tmp;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return dir.resolve("coverage");
  }

  /** What the run printed to stdout. */
  public static synchronized String stdout() {
    get();
    return stdout;
  }

  /** A DuckDB {@code read_parquet} of every partition of the table, with {@code run_date}. */
  public static String duckDbTable(String table) {
    return "read_parquet('" + get().resolve(table) + "/*/*.parquet', hive_partitioning = true)";
  }

  private static Path run() throws IOException {
    Path input = input();
    Path warehouse = dir.resolve("warehouse");
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--input",
                input.toString(),
                "--warehouse",
                warehouse.toString(),
                "--run-date",
                RUN_DATE));
    args.addAll(SETTINGS);
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int code;
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      code = Main.execute(args.toArray(String[]::new));
    } finally {
      System.setOut(old);
    }
    stdout = buf.toString(StandardCharsets.UTF_8);
    System.out.print(stdout);
    if (code != 0) {
      throw new IllegalStateException("sample run exited " + code + ":\n" + stdout);
    }
    return warehouse;
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort at JVM exit
    }
  }
}

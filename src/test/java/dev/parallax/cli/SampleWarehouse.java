package dev.parallax.cli;

import dev.parallax.TestCorpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A warehouse written once per test JVM by the CLI's {@code run} path, for tests that read the
 * published tables as an analyst would. The input is the corpus of {@link CliEndToEndTest}
 * (src/test/resources/corpus-mini plus {@link TestCorpus#SAMPLE_FILES} of data/coverage:
 * 14 accepted records from 6 sources, one an exact duplicate, and 2 rejects), run for
 * {@link #RUN_DATE} with fewer bootstrap replicates and permutations than the defaults, which
 * changes intervals and p-values but no count, mean or rate. The directory is deleted when the
 * JVM exits.
 */
public final class SampleWarehouse {
  public static final String RUN_DATE = "2025-02-10";

  private static Path root;

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

  /** A DuckDB {@code read_parquet} of every partition of the table, with {@code run_date}. */
  public static String duckDbTable(String table) {
    return "read_parquet('" + get().resolve(table) + "/*/*.parquet', hive_partitioning = true)";
  }

  private static Path run() throws IOException {
    Path tmp = Files.createTempDirectory("parallax-sample-");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(tmp)));
    Path input = TestCorpus.mini(tmp.resolve("coverage"), TestCorpus.SAMPLE_FILES);
    Path warehouse = tmp.resolve("warehouse");
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int code;
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      code = Main.execute("run", "--input", input.toString(), "--warehouse", warehouse.toString(),
          "--run-date", RUN_DATE, "--set", "compare.bootstrap_reps=200",
          "--set", "compare.permutations=199");
    } finally {
      System.setOut(old);
    }
    if (code != 0) {
      throw new IllegalStateException("sample run exited " + code + ":\n"
          + buf.toString(StandardCharsets.UTF_8));
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

package dev.parallax.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.TestSpark;
import dev.parallax.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code bench --articles 20} through the CLI and checks the CSV's shape (no timings). */
class BenchCommandTest {
  @TempDir
  Path tmp;

  @Test
  void writesOneRowPerStageWithPositiveFigures() throws IOException {
    TestSpark.get();
    Path out = tmp.resolve("bench");
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = Main.execute("bench", "--articles", "20", "--out", out.toString(), "--warm-up", "0",
          "--set", "compare.bootstrap_reps=50", "--set", "compare.permutations=49");
    } finally {
      System.setOut(old);
    }
    String stdout = buf.toString(StandardCharsets.UTF_8);
    System.out.print(stdout);
    assertEquals(0, code, stdout);
    assertTrue(stdout.contains("warm-up:"), stdout);

    List<Path> csvs;
    try (Stream<Path> s = Files.list(out)) {
      csvs = s.filter(p -> p.getFileName().toString().matches("results-.*\\.csv")).toList();
    }
    assertEquals(1, csvs.size(), "one results CSV under --out");
    try (Stream<Path> s = Files.list(out)) {
      assertEquals(1, s.count(), "work folders are deleted");
    }
    List<String> lines = Files.readAllLines(csvs.get(0));
    assertEquals("stage,articles,mb_text,seconds,articles_per_s,mb_per_s,peak_heap_mb,"
        + "ratio_to_baseline", lines.get(0));
    List<String> stages = List.of("baseline", "ingest", "annotate", "compare", "parallax_total");
    assertEquals(1 + stages.size(), lines.size(), String.join("\n", lines));
    double[] seconds = new double[stages.size()];
    for (int i = 0; i < stages.size(); i++) {
      String[] f = lines.get(i + 1).split(",");
      assertEquals(8, f.length, lines.get(i + 1));
      assertEquals(stages.get(i), f[0]);
      assertEquals("20", f[1]);
      for (int j = 2; j < f.length; j++) {
        assertTrue(Double.parseDouble(f[j]) > 0, "positive " + lines.get(i + 1));
      }
      seconds[i] = Double.parseDouble(f[3]);
    }
    assertEquals("1.00", lines.get(1).split(",")[7], "the baseline's ratio to itself");
    assertEquals(seconds[1] + seconds[2] + seconds[3], seconds[4], 0.003,
        "parallax_total is the sum of its stages");
  }
}

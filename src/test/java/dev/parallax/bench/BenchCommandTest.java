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

/**
 * Runs {@code bench --articles 20} once through the CLI and checks the CSV's shape (no timings);
 * the summary of several runs (median, range) is checked by hand in {@link #summaryOfRunsByHand}.
 */
class BenchCommandTest {
  @TempDir Path tmp;

  /** One bench run, with a 2-day window: the windowed compare is a row of its own. */
  @Test
  void writesOneRowPerStageWithPositiveFigures() throws IOException {
    TestSpark.get();
    Path out = tmp.resolve("bench");
    String stdout =
        bench(
            "--articles",
            "20",
            "--repeat",
            "1",
            "--window-days",
            "2",
            "--out",
            out.toString(),
            "--warm-up",
            "0",
            "--set",
            "compare.bootstrap_reps=50",
            "--set",
            "compare.permutations=49");
    assertTrue(stdout.contains("warm-up:"), stdout);

    List<Path> csvs;
    try (Stream<Path> s = Files.list(out)) {
      csvs = s.filter(p -> p.getFileName().toString().matches("results-.*\\.csv")).toList();
    }
    assertEquals(1, csvs.size(), "one results CSV under --out");
    try (Stream<Path> s = Files.list(out)) {
      assertEquals(2, s.count(), "the results and summary CSVs only: work folders are deleted");
    }
    // the ingest stage's own steps are extra rows after each ingest row, in the stage's order
    List<String> all = Files.readAllLines(csvs.get(0));
    List<String> steps =
        all.stream().filter(l -> l.startsWith("ingest.")).map(l -> l.split(",", -1)[0]).toList();
    List<String> oneRun =
        List.of(
            "ingest.read",
            "ingest.split",
            "ingest.near_duplicates",
            "ingest.stories",
            "ingest.publish");
    assertEquals(oneRun, steps);
    List<String> lines = all.stream().filter(l -> !l.startsWith("ingest.")).toList();
    assertEquals(
        "stage,articles,run,mb_text,seconds,articles_per_s,mb_per_s,peak_heap_mb,"
            + "ratio_to_baseline",
        lines.get(0));
    List<String> stages =
        List.of("baseline", "ingest", "annotate", "compare", "compare_window", "parallax_total");
    assertEquals(1 + stages.size(), lines.size(), String.join("\n", lines));
    double[] seconds = new double[stages.size()];
    for (int i = 0; i < stages.size(); i++) {
      String line = lines.get(i + 1);
      String[] f = line.split(",", -1);
      assertEquals(9, f.length, line);
      assertEquals(stages.get(i), f[0]);
      assertEquals("20", f[1]);
      assertEquals("1", f[2]);
      for (int j = 3; j < f.length; j++) {
        assertTrue(Double.parseDouble(f[j]) > 0, "positive " + line);
      }
      seconds[i] = Double.parseDouble(f[4]);
    }
    assertEquals("1.00", lines.get(1).split(",", -1)[8], "the baseline's ratio to itself");
    assertEquals(
        seconds[1] + seconds[2] + seconds[3],
        seconds[5],
        0.003,
        "parallax_total is the sum of its stages, the windowed compare apart");
    assertTrue(stdout.contains("compare over 2 run dates holding the same articles: "), stdout);
    double ratio = seconds[5] / seconds[0];

    List<Path> summaries;
    try (Stream<Path> s = Files.list(out)) {
      summaries = s.filter(p -> p.getFileName().toString().matches("summary-.*\\.csv")).toList();
    }
    assertEquals(1, summaries.size(), "one summary CSV under --out");
    List<String> summary = Files.readAllLines(summaries.get(0));
    assertEquals(
        List.of(
            "articles,runs,ratio_median,ratio_min,ratio_max,"
                + "parallax_seconds_median,baseline_seconds_median"),
        summary.subList(0, 1));
    assertEquals(2, summary.size(), String.join("\n", summary));
    String[] f = summary.get(1).split(",", -1);
    assertEquals("20", f[0]);
    assertEquals("1", f[1]);
    // one run: median, least and greatest are its ratio; the ratio from the rounded CSV seconds
    // agrees to 0.01
    assertEquals(ratio, Double.parseDouble(f[2]), 0.01);
    assertEquals(ratio, Double.parseDouble(f[3]), 0.01);
    assertEquals(ratio, Double.parseDouble(f[4]), 0.01);
    assertEquals(seconds[5], Double.parseDouble(f[5]), 0.002);
    assertTrue(stdout.contains("20 articles: Parallax "), stdout);
  }

  @Test
  void configMistakesStopBeforeAnyWork() {
    assertEquals(
        2,
        Main.execute(
            "bench",
            "--articles",
            "20",
            "--window-days",
            "0",
            "--out",
            tmp.resolve("w0").toString()));
    assertEquals(
        2,
        Main.execute(
            "bench", "--articles", "20", "--repeat", "0", "--out", tmp.resolve("r0").toString()));
    assertEquals(
        2, Main.execute("bench", "--articles", "20,0", "--out", tmp.resolve("a0").toString()));
    assertEquals(
        2,
        Main.execute(
            "bench",
            "--articles",
            "20",
            "--set",
            "no.such.key=1",
            "--out",
            tmp.resolve("k0").toString()));
    assertTrue(
        !Files.exists(tmp.resolve("r0"))
            && !Files.exists(tmp.resolve("w0"))
            && !Files.exists(tmp.resolve("a0"))
            && !Files.exists(tmp.resolve("k0")),
        "nothing written");
  }

  @Test
  void crawlCorpusMistakesStopBeforeAnyWork() {
    List<String[]> mistakes =
        List.of(
            new String[] {"--corpus", "crawl"},
            new String[] {"--corpus", "crawl", "--records", "100,19"},
            new String[] {"--corpus", "crawl", "--articles", "100"},
            new String[] {"--corpus", "crawl", "--records", "100", "--articles", "100"},
            new String[] {"--records", "100"},
            new String[] {"--corpus", "warc", "--records", "100"});
    for (int i = 0; i < mistakes.size(); i++) {
      Path out = tmp.resolve("m" + i);
      List<String> args = new java.util.ArrayList<>(List.of("bench", "--out", out.toString()));
      args.addAll(List.of(mistakes.get(i)));
      assertEquals(2, Main.execute(args.toArray(String[]::new)), String.join(" ", args));
      assertTrue(!Files.exists(out), "nothing written for " + String.join(" ", args));
    }
  }

  @Test
  void theCrawlCsvCountsRecordsAndWarcMegabytes() {
    assertEquals(
        "stage,records,run,mb_warc,seconds,records_per_s,mb_per_s,peak_heap_mb,ratio_to_baseline",
        Benchmark.Corpus.CRAWL.header());
    assertEquals(Benchmark.HEADER, Benchmark.Corpus.COVERAGE.header());
    assertEquals(
        "records,runs,ratio_median,ratio_min,ratio_max,"
            + "parallax_seconds_median,baseline_seconds_median",
        Benchmark.Corpus.CRAWL.summaryHeader());
  }

  /** A size's summary by hand: the middle ratio of three, or the mean of the middle two. */
  @Test
  void summaryOfRunsByHand() {
    // parallax seconds / baseline seconds: 20/10 = 2, 30/3 = 10, 12/4 = 3
    List<Benchmark.StageRow> three = List.of(total(1, 20, 10), total(2, 30, 3), total(3, 12, 4));
    Benchmark.SizeSummary s = Benchmark.SizeSummary.of(100, three);
    assertEquals(3, s.runs());
    assertEquals(3.0, s.ratioMedian(), 1e-12);
    assertEquals(2.0, s.ratioMin(), 1e-12);
    assertEquals(10.0, s.ratioMax(), 1e-12);
    assertEquals(20.0, s.parallaxSecondsMedian(), 1e-12);
    assertEquals(4.0, s.baselineSecondsMedian(), 1e-12);
    Benchmark.SizeSummary two = Benchmark.SizeSummary.of(100, three.subList(0, 2));
    assertEquals(6.0, two.ratioMedian(), 1e-12);
    assertEquals(25.0, two.parallaxSecondsMedian(), 1e-12);
    assertEquals("100,2,6.000,2.000,10.000,25.000,6.500", two.csv());
  }

  private static Benchmark.StageRow total(int run, double seconds, double baseline) {
    return new Benchmark.StageRow("parallax_total", 100, run, 1.0, seconds, 1, baseline);
  }

  /** Runs {@code parallax bench ARGS} in this JVM; its stdout, echoed; fails unless it exits 0. */
  static String bench(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    int code;
    try {
      String[] all = new String[args.length + 1];
      all[0] = "bench";
      System.arraycopy(args, 0, all, 1, args.length);
      code = Main.execute(all);
    } finally {
      System.setOut(old);
    }
    String stdout = buf.toString(StandardCharsets.UTF_8);
    System.out.print(stdout);
    assertEquals(0, code, stdout);
    return stdout;
  }
}

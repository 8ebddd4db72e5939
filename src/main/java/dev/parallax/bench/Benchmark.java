package dev.parallax.bench;

import dev.parallax.compare.CompareJob;
import dev.parallax.compare.Statistics;
import dev.parallax.compare.ThemeLabel;
import dev.parallax.config.ConfigKeys;
import dev.parallax.config.ParallaxConfig;
import dev.parallax.config.SparkSessions;
import dev.parallax.ingest.IngestJob;
import dev.parallax.nlp.AnnotateJob;
import dev.parallax.nlp.NlpLexicons;
import dev.parallax.warehouse.Warehouse;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * The benchmark: for each corpus size, the plain Spark ML {@link Baseline} and Parallax's ingest,
 * annotate and compare jobs run in one JVM and one SparkSession on the same generated files, after
 * one unrecorded warm-up round on a few articles (JIT, Spark start-up, Spark NLP pipeline classes).
 * One CSV row per size and stage.
 */
public final class Benchmark {
  public static final String HEADER =
      "stage,articles,run,mb_text,seconds,articles_per_s,"
          + "mb_per_s,peak_heap_mb,ratio_to_baseline";

  /** Columns of the summary CSV: one row per size over its runs. */
  public static final String SUMMARY_HEADER =
      "articles,runs,ratio_median,ratio_min,ratio_max,"
          + "parallax_seconds_median,baseline_seconds_median";

  static final List<String> STAGES =
      List.of("baseline", "ingest", "annotate", "compare", "parallax_total");

  private Benchmark() {}

  /**
   * What the benchmark runs on: {@link #COVERAGE}, JSON Lines articles ({@link CorpusGenerator}),
   * sized in articles; or {@link #CRAWL}, a news crawl in {@code .warc.gz} files ({@link
   * CrawlGenerator}), sized in response records, with {@link WarcBaseline} as the yardstick.
   */
  public enum Corpus {
    COVERAGE,
    CRAWL;

    /** What a size counts: articles or (response) records. */
    public String unit() {
      return this == CRAWL ? "records" : "articles";
    }

    /** The results CSV's header: for the crawl, sizes in records and MB of .warc.gz. */
    public String header() {
      return this == CRAWL
          ? HEADER
              .replace("stage,articles,", "stage,records,")
              .replace("articles_per_s", "records_per_s")
              .replace("mb_text", "mb_warc")
          : HEADER;
    }

    public String summaryHeader() {
      return this == CRAWL ? SUMMARY_HEADER.replace("articles,", "records,") : SUMMARY_HEADER;
    }
  }

  /**
   * Builds the resolved config of one round from its input folder, warehouse and the round's own
   * settings (config keys to values, overriding the config file; {@code --set} overrides them).
   */
  public interface Configs {
    ParallaxConfig forRound(String input, String warehouse, Map<String, String> roundSettings);
  }

  /**
   * One CSV row: a stage's wall-clock seconds in run {@code run} (1, 2, ...) on {@code articles}
   * articles of {@code mbText} megabytes (10^6 bytes, UTF-8) of article text, the peak heap ({@link
   * HeapPeak}) in MiB, and the baseline's seconds in the same run.
   */
  public record StageRow(
      String stage,
      int articles,
      int run,
      double mbText,
      double seconds,
      double peakHeapMb,
      double baselineSeconds) {
    public String csv() {
      return String.format(
          Locale.ROOT,
          "%s,%d,%d,%.3f,%.3f,%.2f,%.4f,%.0f,%.2f",
          stage,
          articles,
          run,
          mbText,
          seconds,
          articles / seconds,
          mbText / seconds,
          peakHeapMb,
          seconds / baselineSeconds);
    }

    double ratio() {
      return seconds / baselineSeconds;
    }
  }

  /**
   * One size over its runs: the median ({@link Statistics#quantile} at 0.5, the mean of the middle
   * two for an even count), smallest and largest ratio of Parallax's total to the baseline of the
   * same run, and the median seconds of each. A run's ratio is steadier than its seconds on a
   * shared machine: the baseline runs just before Parallax, on the same input.
   */
  public record SizeSummary(
      int articles,
      int runs,
      double ratioMedian,
      double ratioMin,
      double ratioMax,
      double parallaxSecondsMedian,
      double baselineSecondsMedian) {
    static SizeSummary of(int articles, List<StageRow> totals) {
      double[] ratios = totals.stream().mapToDouble(StageRow::ratio).sorted().toArray();
      return new SizeSummary(
          articles,
          totals.size(),
          Statistics.quantile(ratios, 0.5),
          ratios[0],
          ratios[ratios.length - 1],
          Statistics.quantile(totals.stream().mapToDouble(StageRow::seconds).toArray(), 0.5),
          Statistics.quantile(
              totals.stream().mapToDouble(StageRow::baselineSeconds).toArray(), 0.5));
    }

    public String csv() {
      return String.format(
          Locale.ROOT,
          "%d,%d,%.3f,%.3f,%.3f,%.3f,%.3f",
          articles,
          runs,
          ratioMedian,
          ratioMin,
          ratioMax,
          parallaxSecondsMedian,
          baselineSecondsMedian);
    }
  }

  /** The CSVs written and their rows. */
  public record Report(
      Path csv, List<StageRow> rows, Path summaryCsv, List<SizeSummary> summaries) {}

  /**
   * Runs every size {@code runs} times in order (a fresh corpus folder and warehouse each time, the
   * same seeded corpus) and writes {@code <out>/results-<UTC timestamp>.csv}, appending each run's
   * rows as soon as it is done (an interrupted benchmark keeps the runs it finished), then {@code
   * <out>/summary-<same timestamp>.csv}, one row per size ({@link SizeSummary}). Generated files
   * and warehouses live under {@code <out>/work-*} and are deleted after each run.
   */
  public static Report run(
      Corpus corpus,
      List<Integer> sizes,
      int runs,
      long seed,
      int warmUpArticles,
      Path out,
      Configs configs,
      PrintStream log) {
    return run(corpus, sizes, runs, seed, warmUpArticles, 1, out, configs, log);
  }

  /**
   * As {@link #run(Corpus, List, int, long, int, Path, Configs, PrintStream)}; with {@code
   * windowDays} above 1 each run also times a compare over a window of that many run dates, each
   * holding a copy of the run date's articles, sentences and quotes (row {@code compare_window}):
   * the cost of reading a window and counting each article once, whose tables equal the one-day
   * compare's.
   */
  public static Report run(
      Corpus corpus,
      List<Integer> sizes,
      int runs,
      long seed,
      int warmUpArticles,
      int windowDays,
      Path out,
      Configs configs,
      PrintStream log) {
    if (windowDays < 1 || windowDays > dev.parallax.compare.CompareWindow.MAX_DAYS) {
      throw new IllegalArgumentException(
          "--window-days must be between 1 and "
              + dev.parallax.compare.CompareWindow.MAX_DAYS
              + ", got "
              + windowDays);
    }
    for (int n : sizes) {
      if (n < 1) {
        throw new IllegalArgumentException(
            "--" + corpus.unit() + ": sizes must be at least 1, got " + n);
      }
    }
    if (runs < 1) {
      throw new IllegalArgumentException("--repeat must be at least 1, got " + runs);
    }
    try {
      Files.createDirectories(out);
      Path work = Files.createTempDirectory(out.toAbsolutePath(), "work-");
      try {
        ParallaxConfig base =
            configs.forRound(work.toString(), work.resolve("warehouse").toString(), Map.of());
        NlpLexicons lexicons = NlpLexicons.load(base);
        SparkSession spark = SparkSessions.forConfig(base, "parallax bench");
        CorpusGenerator generator = new CorpusGenerator(lexicons.themes(), seed);
        Set<String> themeTerms = Baseline.singleWordThemeTerms(lexicons.themes());
        List<ThemeLabel> labels =
            lexicons.themes().themes().stream()
                .map(t -> new ThemeLabel(t.id(), t.label(), t.frame()))
                .toList();
        JobTimes jobs = new JobTimes();
        spark.sparkContext().addSparkListener(jobs);
        try {
          Round round =
              new Round(
                  corpus,
                  new CrawlGenerator(seed),
                  spark,
                  configs,
                  lexicons,
                  labels,
                  generator,
                  themeTerms,
                  jobs,
                  windowDays,
                  log);
          Round warm = round.quiet();
          if (warmUpArticles > 0) {
            long t0 = System.nanoTime();
            int warmUp =
                corpus == Corpus.CRAWL
                    ? Math.max(CrawlGenerator.MIN_RECORDS, warmUpArticles)
                    : warmUpArticles;
            warm.run(work.resolve("warm-up"), warmUp, 1, 1);
            log.printf(
                Locale.ROOT,
                "warm-up: %d %s, all stages, %.1f s (not recorded: JIT, " + "Spark start-up)%n",
                warmUp,
                corpus.unit(),
                (System.nanoTime() - t0) / 1e9);
          } else {
            log.println(
                "warm-up: skipped; the first size's figures include JIT and Spark start-up");
          }
          String stamp =
              DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                  .format(Instant.now().atOffset(ZoneOffset.UTC));
          Path csv = out.resolve("results-" + stamp + ".csv");
          Files.writeString(csv, corpus.header() + "\n", StandardCharsets.UTF_8);
          List<StageRow> rows = new ArrayList<>();
          List<SizeSummary> summaries = new ArrayList<>();
          for (int n : sizes) {
            List<StageRow> totals = new ArrayList<>();
            for (int r = 1; r <= runs; r++) {
              List<StageRow> run = round.run(work.resolve("n" + n + "-" + r), n, r, runs);
              StringBuilder sb = new StringBuilder();
              run.forEach(row -> sb.append(row.csv()).append('\n'));
              Files.writeString(
                  csv, sb.toString(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
              rows.addAll(run);
              totals.add(run.get(run.size() - 1));
            }
            summaries.add(SizeSummary.of(n, totals));
          }
          Path summaryCsv = out.resolve("summary-" + stamp + ".csv");
          StringBuilder sb = new StringBuilder(corpus.summaryHeader()).append('\n');
          summaries.forEach(x -> sb.append(x.csv()).append('\n'));
          Files.writeString(summaryCsv, sb.toString(), StandardCharsets.UTF_8);
          log.println(corpus.header());
          rows.forEach(r -> log.println(r.csv()));
          for (SizeSummary x : summaries) {
            log.printf(
                Locale.ROOT,
                "%d %s: Parallax %.2f x the baseline (median of %d run%s,"
                    + " range %.2f-%.2f x)%n",
                x.articles(),
                corpus.unit(),
                x.ratioMedian(),
                x.runs(),
                x.runs() == 1 ? "" : "s",
                x.ratioMin(),
                x.ratioMax());
          }
          log.println("results: " + csv);
          log.println("summary: " + summaryCsv);
          return new Report(csv, List.copyOf(rows), summaryCsv, List.copyOf(summaries));
        } finally {
          spark.sparkContext().removeSparkListener(jobs);
        }
      } finally {
        deleteTree(work);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One size: generate, baseline, then the three Parallax stages; returns the five rows and logs
   * each stage's seconds with its longest Spark jobs by description.
   */
  private record Round(
      Corpus corpus,
      CrawlGenerator crawlGenerator,
      SparkSession spark,
      Configs configs,
      NlpLexicons lexicons,
      List<ThemeLabel> labels,
      CorpusGenerator generator,
      Set<String> themeTerms,
      JobTimes jobs,
      int windowDays,
      PrintStream log) {
    /** The same round printing nothing (the unrecorded warm-up). */
    Round quiet() {
      return new Round(
          corpus,
          crawlGenerator,
          spark,
          configs,
          lexicons,
          labels,
          generator,
          themeTerms,
          jobs,
          windowDays,
          new PrintStream(java.io.OutputStream.nullOutputStream()));
    }

    List<StageRow> run(Path dir, int n, int run, int runs) throws IOException {
      String input;
      double mb;
      Supplier<?> yardstick;
      Map<String, String> settings = Map.of();
      String baselineDir = dir.resolve("baseline").toString();
      String label = runs == 1 ? "" : " (run " + run + " of " + runs + ")";
      if (corpus == Corpus.CRAWL) {
        CrawlGenerator.Crawl crawl = crawlGenerator.write(dir.resolve("crawl"), n);
        input = crawl.warcDir().toString();
        mb = crawl.warcMb();
        yardstick = () -> WarcBaseline.run(spark, input, baselineDir);
        // The crawl's invented outlets, and its stories found by automatic clustering: a crawl
        // declares no story, so without it every article would fall into the default story.
        settings =
            Map.of(
                ConfigKeys.OUTLETS.name(),
                crawl.outlets().toString(),
                ConfigKeys.STORIES_AUTO.name(),
                "true");
        log.printf(
            Locale.ROOT,
            "size %d%s: %d WARC records in %d files, %.1f MB compressed, %d stories%n",
            n,
            label,
            crawl.warcRecords(),
            crawl.warcFiles().size(),
            mb,
            crawl.stories());
      } else {
        CorpusGenerator.Corpus coverage = generator.write(dir.resolve("input"), n);
        input = coverage.dir().toString();
        mb = coverage.textMb();
        yardstick = () -> Baseline.run(spark, input, baselineDir, themeTerms);
        log.printf(
            Locale.ROOT,
            "size %d%s: %d files, %.1f MB of text%n",
            n,
            label,
            coverage.files().size(),
            mb);
      }
      String warehouseDir = dir.resolve("warehouse").toString();
      ParallaxConfig config = configs.forRound(input, warehouseDir, settings);
      Warehouse wh = new Warehouse(spark, warehouseDir, config.longValue(ConfigKeys.ROWS_PER_FILE));
      String runId = "bench-" + n;
      jobs.drain(0);
      Timed baseline = stage("baseline", yardstick);
      Timed ingest = stage("ingest", () -> IngestJob.run(spark, config, wh, runId));
      if (corpus == Corpus.CRAWL) {
        log.println("  ingest: " + ((IngestJob.Result) ingest.value()).reconciliation());
      }
      Timed annotate = stage("annotate", () -> AnnotateJob.run(spark, config, wh, runId, lexicons));
      Timed compare = stage("compare", () -> CompareJob.run(spark, config, wh, runId, labels));
      Timed window = null;
      if (windowDays > 1) {
        copyToEarlierDates(wh, config.runDate());
        Map<String, String> windowed = new java.util.HashMap<>(settings);
        windowed.put(ConfigKeys.WINDOW_DAYS.name(), Integer.toString(windowDays));
        ParallaxConfig windowConfig = configs.forRound(input, warehouseDir, windowed);
        window =
            stage(
                "compare_window",
                () -> CompareJob.run(spark, windowConfig, wh, runId + "-window", labels));
        log.printf(
            Locale.ROOT,
            "  compare over %d run dates holding the same articles: %.2f x the one-day compare%n",
            windowDays,
            window.seconds() / compare.seconds());
        wh.cleanStaging(config.runDate(), runId + "-window");
      }
      wh.cleanStaging(config.runDate(), runId);
      deleteTree(dir);
      double b = baseline.seconds();
      List<StageRow> rows = new ArrayList<>();
      rows.add(new StageRow("baseline", n, run, mb, b, baseline.peakMb(), b));
      rows.add(new StageRow("ingest", n, run, mb, ingest.seconds(), ingest.peakMb(), b));
      ((IngestJob.Result) ingest.value())
          .timings()
          .forEach(
              (step, secs) ->
                  rows.add(new StageRow("ingest." + step, n, run, mb, secs, ingest.peakMb(), b)));
      rows.addAll(
          List.of(
              new StageRow("annotate", n, run, mb, annotate.seconds(), annotate.peakMb(), b),
              new StageRow("compare", n, run, mb, compare.seconds(), compare.peakMb(), b)));
      if (window != null) {
        rows.add(new StageRow("compare_window", n, run, mb, window.seconds(), window.peakMb(), b));
      }
      rows.addAll(
          List.of(
              new StageRow(
                  "parallax_total",
                  n,
                  run,
                  mb,
                  ingest.seconds() + annotate.seconds() + compare.seconds(),
                  Math.max(ingest.peakMb(), Math.max(annotate.peakMb(), compare.peakMb())),
                  b)));
      return List.copyOf(rows);
    }

    /**
     * Copies the run date's articles, sentences and quotes to the {@code windowDays - 1} dates
     * before it, so a window of {@code windowDays} run dates holds each article once per date.
     */
    private void copyToEarlierDates(Warehouse wh, java.time.LocalDate runDate) throws IOException {
      org.apache.hadoop.conf.Configuration conf = spark.sparkContext().hadoopConfiguration();
      for (dev.parallax.warehouse.Table t :
          List.of(
              dev.parallax.warehouse.Table.ARTICLES,
              dev.parallax.warehouse.Table.SENTENCES,
              dev.parallax.warehouse.Table.QUOTES)) {
        org.apache.hadoop.fs.Path from = wh.partitionPath(t, runDate);
        org.apache.hadoop.fs.FileSystem fs = from.getFileSystem(conf);
        for (int k = 1; k < windowDays; k++) {
          org.apache.hadoop.fs.Path to = wh.partitionPath(t, runDate.minusDays(k));
          fs.delete(to, true);
          org.apache.hadoop.fs.FileUtil.copy(fs, from, fs, to, false, conf);
        }
      }
    }

    private Timed stage(String name, Supplier<?> body) {
      spark.sparkContext().setJobGroup(name, "bench: " + name, false);
      Timed t = timed(body);
      spark.sparkContext().clearJobGroup();
      settleListenerEvents();
      log.printf(
          Locale.ROOT,
          "  %s: %.1f s, peak heap %.0f MiB; longest Spark jobs:%n%s",
          name,
          t.seconds(),
          t.peakMb(),
          jobs.drain(6));
      return t;
    }
  }

  /** A stage's seconds, peak heap and what it returned. */
  private record Timed(double seconds, double peakMb, Object value) {}

  /** Spark delivers job-end events asynchronously; give the listener a moment (outside timings). */
  private static void settleListenerEvents() {
    try {
      Thread.sleep(300);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Timed timed(Supplier<?> body) {
    System.gc();
    HeapPeak.reset();
    long t0 = System.nanoTime();
    Object value = body.get();
    double secs = (System.nanoTime() - t0) / 1e9;
    return new Timed(secs, HeapPeak.mb(), value);
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }
}

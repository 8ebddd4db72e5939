package dev.parallax.cli;

import dev.parallax.bench.Benchmark;
import dev.parallax.bench.CrawlGenerator;
import dev.parallax.config.ConfigException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parallax bench}: Parallax against a plain Spark ML baseline on synthetic coverage. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark on deterministic synthetic coverage: for each size, a plain Spark ML baseline"
          + " (RegexTokenizer, StopWordsRemover, term counts per source) and Parallax's ingest,"
          + " annotate and compare, in one JVM after a warm-up round. Prints and writes a CSV row"
          + " per size, run and stage (seconds, throughput, peak heap, ratio to the baseline), and"
          + " a summary CSV with each size's median ratio over its runs.",
      "With --corpus crawl --records N: a synthetic news crawl in .warc.gz files instead, against"
          + " a plain Spark pass over the same bytes (binaryFiles, gunzip, word count)."
    })
final class BenchCommand implements Callable<Integer> {
  static final String RUN_DATE = "2025-02-07";

  @Option(
      names = "--corpus",
      paramLabel = "KIND",
      defaultValue = "coverage",
      description =
          "coverage (JSON Lines articles, sized by --articles) or crawl (WARC files of a synthetic"
              + " news crawl, sized by --records) (default: ${DEFAULT-VALUE}).")
  String corpus;

  @Option(
      names = "--articles",
      split = ",",
      paramLabel = "N[,N2...]",
      description = "Coverage corpus sizes in articles, run in the order given.")
  List<Integer> articles;

  @Option(
      names = "--records",
      split = ",",
      paramLabel = "N[,N2...]",
      description =
          "Crawl corpus sizes in response records (at least "
              + CrawlGenerator.MIN_RECORDS
              + "; each also has a request record, and each file a warcinfo record), run in the"
              + " order given.")
  List<Integer> records;

  @Option(
      names = "--repeat",
      paramLabel = "R",
      defaultValue = "1",
      description =
          "Runs of each size, each with its own baseline; the summary gives the median ratio and"
              + " its range. On a shared machine use 3 or more (default: ${DEFAULT-VALUE}).")
  int repeat;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "target/bench",
      description =
          "Where results-<timestamp>.csv, summary-<timestamp>.csv and the temporary work "
              + "folders go (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "20250207",
      description = "Seed of the synthetic corpus (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--warm-up",
      paramLabel = "N",
      defaultValue = "40",
      description =
          "Articles of the unrecorded warm-up round; 0 skips it (default: ${DEFAULT-VALUE}).")
  int warmUp;

  @Option(
      names = "--window-days",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Also time a compare over a window of N run dates, each holding a copy of the run date's"
              + " articles, sentences and quotes (row compare_window; its tables equal the one-day"
              + " compare's): the cost of reading a window and counting each article once. 1 (the"
              + " default) skips it.")
  int windowDays;

  @Mixin ConfigOptions options;

  @Override
  public Integer call() {
    if (repeat < 1) {
      throw new ConfigException("--repeat " + repeat + ": must be at least 1");
    }
    if (windowDays < 1 || windowDays > dev.parallax.compare.CompareWindow.MAX_DAYS) {
      throw new ConfigException(
          "--window-days "
              + windowDays
              + ": must be between 1 and "
              + dev.parallax.compare.CompareWindow.MAX_DAYS);
    }
    Benchmark.Corpus kind = corpus(corpus);
    List<Integer> sizes = sizes(kind, articles, records);
    Benchmark.Configs configs =
        (input, warehouse, settings) -> options.resolve(input, warehouse, RUN_DATE, settings);
    // a config mistake stops here, before --out is created or anything is generated
    configs.forRound(
        out.resolve("input").toString(), out.resolve("warehouse").toString(), Map.of());
    Benchmark.run(kind, sizes, repeat, seed, warmUp, windowDays, out, configs, System.out);
    return ExitCodes.OK;
  }

  static Benchmark.Corpus corpus(String name) {
    return switch (name) {
      case "coverage" -> Benchmark.Corpus.COVERAGE;
      case "crawl" -> Benchmark.Corpus.CRAWL;
      default -> throw new ConfigException("--corpus " + name + ": must be coverage or crawl");
    };
  }

  /** The sizes of the chosen corpus: --articles for coverage, --records for the crawl. */
  static List<Integer> sizes(Benchmark.Corpus kind, List<Integer> articles, List<Integer> records) {
    boolean crawl = kind == Benchmark.Corpus.CRAWL;
    List<Integer> sizes = crawl ? records : articles;
    List<Integer> other = crawl ? articles : records;
    String flag = crawl ? "--records" : "--articles";
    if (other != null) {
      throw new ConfigException(
          (crawl ? "--articles" : "--records")
              + " does not size the "
              + kind.name().toLowerCase(java.util.Locale.ROOT)
              + " corpus; use "
              + flag);
    }
    if (sizes == null || sizes.isEmpty()) {
      throw new ConfigException(
          flag + " is required with --corpus " + (crawl ? "crawl" : "coverage"));
    }
    int min = crawl ? CrawlGenerator.MIN_RECORDS : 1;
    for (int n : sizes) {
      if (n < min) {
        throw new ConfigException(flag + " " + n + ": sizes must be at least " + min);
      }
    }
    return List.copyOf(sizes);
  }
}

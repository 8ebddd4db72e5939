package dev.parallax.cli;

import dev.parallax.bench.Benchmark;
import dev.parallax.config.ConfigException;
import java.nio.file.Path;
import java.util.List;
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
          + " a summary CSV with each size's median ratio over its runs."
    })
final class BenchCommand implements Callable<Integer> {
  static final String RUN_DATE = "2025-02-07";

  @Option(
      names = "--articles",
      required = true,
      split = ",",
      paramLabel = "N[,N2...]",
      description = "Corpus sizes in articles, run in the order given.")
  List<Integer> articles;

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

  @Mixin ConfigOptions options;

  @Override
  public Integer call() {
    if (repeat < 1) {
      throw new ConfigException("--repeat " + repeat + ": must be at least 1");
    }
    for (int n : articles) {
      if (n < 1) {
        throw new ConfigException("--articles " + n + ": sizes must be at least 1");
      }
    }
    Benchmark.Configs configs = (input, warehouse) -> options.resolve(input, warehouse, RUN_DATE);
    // a config mistake stops here, before --out is created or anything is generated
    configs.forRound(out.resolve("input").toString(), out.resolve("warehouse").toString());
    Benchmark.run(articles, repeat, seed, warmUp, out, configs, System.out);
    return ExitCodes.OK;
  }
}

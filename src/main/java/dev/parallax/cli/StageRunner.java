package dev.parallax.cli;

import dev.parallax.config.ConfigKeys;
import dev.parallax.config.ParallaxConfig;
import dev.parallax.config.SparkSessions;
import dev.parallax.warehouse.RunLock;
import dev.parallax.warehouse.RunRecord;
import dev.parallax.warehouse.RunsTable;
import dev.parallax.warehouse.Storage;
import dev.parallax.warehouse.Warehouse;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;

/**
 * Runs stages for one run: resolves nothing itself (the config is final), takes the run lock,
 * repairs what a killed run left, starts Spark, prints one structured line per stage, and records
 * the run in the {@code runs} table — succeeded, or failed with the error's first line when the
 * failure came after Spark started.
 */
final class StageRunner {
  /** One stage's work; returns the line of counts the stage reports. */
  interface Stage {
    StageReport run(StageContext ctx);
  }

  /**
   * A stage's outcome.
   *
   * @param rowsIn rows the stage read, for the log line
   * @param rowsOut rows the stage produced, for the log line
   * @param detail extra {@code key=value} pairs for the log line, or empty
   * @param rowsWritten rows published per table, for the runs table
   * @param input the stage's counts for the runs row (ingest's reconciliation, annotate's analysed
   *     and not analysed); null for other stages. A run's row merges them, earlier stages first
   */
  record StageReport(
      long rowsIn,
      long rowsOut,
      String detail,
      Map<String, Long> rowsWritten,
      RunRecord.InputCounts input) {
    StageReport(long rowsIn, long rowsOut, String detail) {
      this(rowsIn, rowsOut, detail, Map.of(), null);
    }
  }

  /** A finished (or failed, {@code report} null) stage, as the runs table records it. */
  private record StageResult(String name, double seconds, StageReport report) {}

  private StageRunner() {}

  /**
   * Runs the stages in order and ends by adding the run's row to the runs table: succeeded, or,
   * when anything fails after Spark started, failed with the error's first line. A failure is
   * rethrown unchanged; a failure to record it or to clean up is attached to it as suppressed.
   *
   * @param appName {@code parallax <command>}: the Spark application name; the part after {@code
   *     parallax } is the command recorded in the runs table
   */
  static void run(ParallaxConfig config, PrintStream out, String appName, Stage... stages) {
    String runId = newRunId();
    Instant started = Instant.now();
    Storage storage =
        Storage.open(config.warehouse(), Storage.hadoopConfiguration(config.sparkConf()));
    try (RunLock lock =
        RunLock.acquire(
            storage,
            config.runDate(),
            runId,
            Duration.ofSeconds(config.longValue(ConfigKeys.LOCK_LEASE_SECONDS)))) {
      out.println(storage.describe());
      if (lock.tookOver() != null) {
        out.println(
            "took over the run lock of a run that stopped renewing it (" + lock.tookOver() + ")");
      }
      SparkSession spark = SparkSessions.forConfig(config, appName);
      Warehouse wh =
          // the lock's storage: Hadoop caches one file system instance per warehouse and user,
          // so Spark's reads and writes of the warehouse use the same one
          new Warehouse(spark, storage, config.longValue(ConfigKeys.ROWS_PER_FILE));
      List<StageResult> results = new ArrayList<>();
      try {
        int repaired = wh.recover(config.runDate());
        if (repaired > 0) {
          out.println("recovered " + repaired + " partition swap(s) left by a killed run");
        }
        StageContext ctx = new StageContext(spark, config, wh, runId, out);
        for (Stage stage : stages) {
          runStage(stage, ctx, results);
        }
        record(spark, wh, config, runId, command(appName), started, results, null);
      } catch (RuntimeException | Error e) {
        try {
          record(spark, wh, config, runId, command(appName), started, results, e);
        } catch (RuntimeException | Error recordFailure) {
          e.addSuppressed(recordFailure);
        }
        try {
          wh.cleanStaging(config.runDate(), runId);
        } catch (RuntimeException | Error cleanFailure) {
          e.addSuppressed(cleanFailure);
        }
        throw e;
      }
      wh.cleanStaging(config.runDate(), runId);
    }
  }

  /**
   * Runs one stage, prints its line ({@code status=ok} with counts, or {@code status=failed} with
   * the error last) and adds its result to {@code results}, also when it fails; a failure is
   * rethrown unchanged.
   */
  private static void runStage(Stage stage, StageContext ctx, List<StageResult> results) {
    String name = stageName(stage);
    pauseBeforeForTests(name);
    long t0 = System.nanoTime();
    ctx.spark().sparkContext().setJobGroup(name, name, false);
    StageReport r;
    try {
      r = stage.run(ctx);
    } catch (RuntimeException | Error e) {
      double secs = (System.nanoTime() - t0) / 1e9;
      ctx.out()
          .println(
              String.format(
                  Locale.ROOT,
                  "stage=%s status=failed seconds=%.1f run_id=%s run_date=%s error=%s",
                  name,
                  secs,
                  ctx.runId(),
                  ctx.config().runDate(),
                  Main.oneLine(e)));
      results.add(new StageResult(name, secs, null));
      throw e;
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    ctx.out()
        .println(
            String.format(
                Locale.ROOT,
                "stage=%s status=ok rows_in=%d rows_out=%d seconds=%.1f run_id=%s run_date=%s%s",
                name,
                r.rowsIn(),
                r.rowsOut(),
                secs,
                ctx.runId(),
                ctx.config().runDate(),
                r.detail().isEmpty() ? "" : " " + r.detail()));
    results.add(new StageResult(name, secs, r));
  }

  /** Publishes the run's row; {@code failure} null means every stage succeeded. */
  private static void record(
      SparkSession spark,
      Warehouse wh,
      ParallaxConfig config,
      String runId,
      String command,
      Instant started,
      List<StageResult> results,
      Throwable failure) {
    Map<String, Double> stageSeconds = new LinkedHashMap<>();
    Map<String, Long> rowsWritten = new LinkedHashMap<>();
    RunRecord.InputCounts input = null;
    for (StageResult s : results) {
      stageSeconds.put(s.name(), s.seconds());
      if (s.report() != null) {
        rowsWritten.putAll(s.report().rowsWritten());
        if (s.report().input() != null) {
          input = input == null ? s.report().input() : input.with(s.report().input());
        }
      }
    }
    spark.sparkContext().setJobGroup("runs", "record the run", false);
    RunsTable.record(
        spark,
        wh,
        config.runDate(),
        new RunRecord(
            runId,
            command,
            failure == null ? RunRecord.Status.SUCCEEDED : RunRecord.Status.FAILED,
            started,
            Instant.now(),
            stageSeconds,
            input,
            rowsWritten,
            Main.version(),
            config.configSha256(),
            config.master(),
            failure == null ? null : Main.oneLine(failure)));
  }

  private static String command(String appName) {
    return appName.startsWith("parallax ") ? appName.substring("parallax ".length()) : appName;
  }

  /**
   * Test hook, never set in production: with the system property {@code
   * parallax.test.pauseBefore=<stage>} the run prints one line to stderr and sleeps ten minutes
   * before that stage starts, so a fault test can kill the process at a known point.
   */
  private static void pauseBeforeForTests(String stage) {
    if (stage.equals(System.getProperty("parallax.test.pauseBefore"))) {
      System.err.println("test hook: paused before stage=" + stage);
      System.err.flush();
      try {
        Thread.sleep(600_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static String stageName(Stage stage) {
    return stage instanceof Named n ? n.name() : stage.getClass().getSimpleName();
  }

  /** A stage with a name for logs and the Spark UI. */
  record Named(String name, Stage body) implements Stage {
    @Override
    public StageReport run(StageContext ctx) {
      return body.run(ctx);
    }
  }

  static Stage named(String name, Stage body) {
    return new Named(name, body);
  }

  static String newRunId() {
    return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .format(Instant.now().atOffset(ZoneOffset.UTC))
        + "-"
        + UUID.randomUUID().toString().substring(0, 8);
  }
}

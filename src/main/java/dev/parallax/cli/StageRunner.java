package dev.parallax.cli;

import dev.parallax.config.ConfigKeys;
import dev.parallax.config.ParallaxConfig;
import dev.parallax.config.SparkSessions;
import dev.parallax.warehouse.RunLock;
import dev.parallax.warehouse.Warehouse;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;

/**
 * Runs stages for one run: resolves nothing itself (the config is final), takes the run lock,
 * repairs what a killed run left, starts Spark, and prints one structured line per stage.
 */
final class StageRunner {
  /** One stage's work; returns the line of counts the stage reports. */
  interface Stage {
    StageReport run(StageContext ctx);
  }

  /** A stage's rows in and out, for the structured log line. */
  record StageReport(long rowsIn, long rowsOut, String detail) {}

  private StageRunner() {}

  static void run(ParallaxConfig config, PrintStream out, String appName, Stage... stages) {
    String runId = newRunId();
    Path root = Path.of(config.warehouse());
    try (RunLock lock = isLocal(config.warehouse())
        ? RunLock.acquire(root.toAbsolutePath(), config.runDate(), runId) : null) {
      SparkSession spark = SparkSessions.forConfig(config, appName);
      Warehouse wh = new Warehouse(spark, config.warehouse(),
          config.longValue(ConfigKeys.ROWS_PER_FILE));
      int repaired = wh.recover(config.runDate());
      if (repaired > 0) {
        out.println("recovered " + repaired + " partition swap(s) left by a killed run");
      }
      StageContext ctx = new StageContext(spark, config, wh, runId, out);
      try {
        for (Stage stage : stages) {
          long t0 = System.nanoTime();
          String name = stageName(stage);
          spark.sparkContext().setJobGroup(name, name, false);
          StageReport r = stage.run(ctx);
          double secs = (System.nanoTime() - t0) / 1e9;
          out.println(String.format(Locale.ROOT,
              "stage=%s status=ok rows_in=%d rows_out=%d seconds=%.1f run_id=%s run_date=%s%s",
              name, r.rowsIn(), r.rowsOut(), secs, runId, config.runDate(),
              r.detail().isEmpty() ? "" : " " + r.detail()));
        }
      } finally {
        wh.cleanStaging(config.runDate(), runId);
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

  private static boolean isLocal(String warehouse) {
    return !warehouse.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") || warehouse.startsWith("file:");
  }

  static String newRunId() {
    return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(Instant.now().atOffset(ZoneOffset.UTC))
        + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}

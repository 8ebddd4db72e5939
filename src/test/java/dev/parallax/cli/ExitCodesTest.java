package dev.parallax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.config.ConfigException;
import dev.parallax.config.ParallaxConfig;
import dev.parallax.warehouse.RunLock;
import dev.parallax.warehouse.Storage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each failure class a scheduler must tell apart, through {@link Main#execute}: the exit code, the
 * one-line message on stderr, the {@code stage=… status=failed} line, and the failed run's row in
 * the runs table when Spark had started.
 */
class ExitCodesTest {
  static final String DAY = "2025-02-10";

  @TempDir Path tmp;

  @Test
  void unknownKeyInConfigFileIsExit2WithOneLineNamingIt() throws IOException {
    Path cfg = Files.writeString(tmp.resolve("job.yaml"), "compare:\n  seeed: 7\n");
    Path wh = tmp.resolve("wh");
    CliRun.Outcome o =
        CliRun.execute(
            "run", "--config", cfg.toString(), "--warehouse", wh.toString(), "--run-date", DAY);
    assertEquals(ExitCodes.CONFIG, o.code());
    assertEquals(1, o.errorLines().size(), o.err());
    assertTrue(o.errorLines().get(0).contains("unknown key 'compare.seeed'"), o.err());
    assertFalse(Files.exists(wh), "nothing may start before the config is valid");
  }

  @Test
  void unknownKeyInSetIsExit2() {
    CliRun.Outcome o =
        CliRun.execute("ingest", "--set", "ingest.on_bad_dates=null", "--run-date", DAY);
    assertEquals(ExitCodes.CONFIG, o.code());
    assertEquals(
        List.of(
            "parallax: error: --set ingest.on_bad_dates=null: unknown key "
                + "'ingest.on_bad_dates'"),
        o.errorLines());
  }

  @Test
  void setPassesSparkPropertiesButNotAnEmptyOne() {
    RunOptions o = new RunOptions();
    o.sets = List.of("spark.conf.spark.sql.parquet.compression.codec=snappy", "compare.seed=9");
    ParallaxConfig c = o.resolve();
    assertEquals("snappy", c.sparkConf().get("spark.sql.parquet.compression.codec"));
    assertEquals(9L, c.longValue(dev.parallax.config.ConfigKeys.SEED));
    o.sets = List.of("spark.conf.=3");
    ConfigException e = assertThrows(ConfigException.class, o::resolve);
    assertEquals("--set spark.conf.=3: unknown key 'spark.conf.'", e.getMessage());
  }

  @Test
  void aSparkPropertyParallaxSetsItselfIsExit2() {
    Path wh = tmp.resolve("wh-fixed");
    CliRun.Outcome o =
        CliRun.execute(
            "ingest",
            "--warehouse",
            wh.toString(),
            "--run-date",
            DAY,
            "--set",
            "spark.conf.spark.sql.session.timeZone=Asia/Tokyo");
    assertEquals(ExitCodes.CONFIG, o.code());
    assertEquals(
        List.of(
            "parallax: error: spark.conf.spark.sql.session.timeZone: Parallax sets "
                + "this Spark property itself (tables hold UTC timestamps); remove it"),
        o.errorLines());
    assertFalse(Files.exists(wh), "nothing may start before the config is valid");
    RunOptions r = new RunOptions();
    r.sets = List.of("spark.conf.spark.sql.shuffle.partitions=3");
    ConfigException e = assertThrows(ConfigException.class, r::resolve);
    assertEquals(
        "spark.conf.spark.sql.shuffle.partitions: Parallax sets this Spark property "
            + "itself (set it with the key spark.shuffle_partitions); remove it",
        e.getMessage());
  }

  @Test
  void missingLexiconFileIsExit2() {
    Path missing = tmp.resolve("no-such-themes.tsv");
    Path wh = tmp.resolve("wh");
    CliRun.Outcome o =
        CliRun.execute(
            "annotate",
            "--warehouse",
            wh.toString(),
            "--run-date",
            DAY,
            "--set",
            "lexicons.themes=" + missing);
    assertEquals(ExitCodes.CONFIG, o.code());
    assertEquals(1, o.errorLines().size(), o.err());
    assertTrue(o.errorLines().get(0).contains(missing.toString()), o.err());
    assertFalse(Files.exists(wh));
  }

  @Test
  void badRunDateIsExit2() {
    CliRun.Outcome o =
        CliRun.execute(
            "run", "--warehouse", tmp.resolve("wh").toString(), "--run-date", "2025-02-30");
    assertEquals(ExitCodes.CONFIG, o.code());
    assertEquals(1, o.errorLines().size(), o.err());
    assertTrue(o.errorLines().get(0).contains("'2025-02-30' is not a date"), o.err());
  }

  @Test
  void missingInputIsExit3AndARecordedFailedRun() throws SQLException {
    Path wh = tmp.resolve("wh");
    Path input = tmp.resolve("no-such-coverage");
    CliRun.Outcome o =
        CliRun.execute(
            "ingest", "--input", input.toString(), "--warehouse", wh.toString(), "--run-date", DAY);
    assertEquals(ExitCodes.INPUT, o.code());
    String message = "input " + input + " does not exist or matches no file";
    assertEquals(List.of("parallax: error: " + message), o.errorLines());
    assertTrue(
        o.out()
            .lines()
            .anyMatch(
                l ->
                    l.matches(
                        "stage=ingest status=failed seconds=[0-9.]+ run_id=\\S+ run_date="
                            + DAY
                            + " error=\\Q"
                            + message
                            + "\\E")),
        o.out());
    assertEquals(List.of("ingest|failed|" + message + "|null|{}"), runs(wh));
  }

  @Test
  void compareBeforeAnnotateOnEmptyWarehouseIsExit5() throws SQLException {
    Path wh = tmp.resolve("wh");
    CliRun.Outcome o = CliRun.execute("compare", "--warehouse", wh.toString(), "--run-date", DAY);
    assertEquals(ExitCodes.MISSING_TABLE, o.code());
    assertEquals(1, o.errorLines().size(), o.err());
    assertTrue(
        o.errorLines()
            .get(0)
            .startsWith("parallax: error: table sentences has no " + "partition run_date=" + DAY),
        o.err());
    assertTrue(o.out().contains("stage=compare status=failed seconds="), o.out());
    assertTrue(o.out().contains(" error=table sentences has no partition"), o.out());
    List<String> runs = runs(wh);
    assertEquals(1, runs.size());
    assertTrue(
        runs.get(0).startsWith("compare|failed|table sentences has no partition"), runs.get(0));
  }

  /**
   * A {@code file:///} warehouse is locked under the warehouse itself, wherever the run starts: a
   * lock held on the folder's plain path stops a run given its URI.
   */
  @Test
  void fileUriWarehouseIsLockedUnderTheWarehouse() throws java.io.IOException {
    Path wh = tmp.resolve("wh-uri").toAbsolutePath();
    String uri = "file://" + wh;
    try (RunLock held =
        RunLock.acquire(
            Storage.open(wh.toString(), new Configuration()),
            LocalDate.parse(DAY),
            "holder-uri",
            Duration.ofMinutes(10))) {
      CliRun.Outcome o =
          CliRun.execute(
              "ingest", "--input", tmp.toString(), "--warehouse", uri, "--run-date", DAY);
      assertEquals(ExitCodes.LOCKED, o.code(), o.err());
      assertTrue(o.errorLines().get(0).contains("run holder-uri"), o.err());
    }
    assertTrue(Files.isRegularFile(wh.resolve("_locks/run_date=" + DAY + ".lock")));
    assertFalse(Files.exists(Path.of("file:")), "nothing under the working directory");

    // released: the same URI runs, writes under the folder, and sql reads it back by the URI
    CliRun.Outcome run =
        CliRun.execute(
            "ingest",
            "--input",
            SampleWarehouse.input().toString(),
            "--warehouse",
            uri,
            "--run-date",
            DAY);
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("warehouse=file:" + wh + " storage=local"), run.out());
    assertTrue(Files.isDirectory(wh.resolve("articles/run_date=" + DAY)));
    assertEquals("", Files.readString(wh.resolve("_locks/run_date=" + DAY + ".lock")));
    CliRun.Outcome sql =
        CliRun.execute(
            "sql", "--format", "csv", "--warehouse", uri, "SELECT count(*) AS n FROM articles");
    assertEquals(0, sql.code(), sql.err());
    long expected =
        dev.parallax.TestSpark.get()
            .read()
            .parquet(wh.resolve("articles/run_date=" + DAY).toString())
            .count();
    assertEquals("n\r\n" + expected + "\r\n", sql.out());
  }

  @Test
  void secondRunOfTheSameWarehouseAndDateIsExit4NamingTheHolder() {
    Path wh = tmp.resolve("wh");
    try (RunLock held =
        RunLock.acquire(
            Storage.open(wh.toString(), new Configuration()),
            LocalDate.parse(DAY),
            "holder-run-42",
            Duration.ofMinutes(10))) {
      CliRun.Outcome o =
          CliRun.execute(
              "ingest", "--input", tmp.toString(), "--warehouse", wh.toString(), "--run-date", DAY);
      assertEquals(ExitCodes.LOCKED, o.code());
      assertEquals(1, o.errorLines().size(), o.err());
      String line = o.errorLines().get(0);
      assertTrue(line.contains("another run holds the lock for run_date=" + DAY), line);
      assertTrue(line.contains("run holder-run-42, pid " + ProcessHandle.current().pid()), line);
    }
    assertFalse(Files.exists(wh.resolve("runs")), "a locked-out run records nothing");
    // The lock is released: the same date can run now (and fails only on its empty input).
    assertEquals(
        ExitCodes.INPUT,
        CliRun.execute(
                "ingest",
                "--input",
                tmp.resolve("none").toString(),
                "--warehouse",
                wh.toString(),
                "--run-date",
                DAY)
            .code());
  }

  /** command|status|error|input_records|rows_written of every run of {@link #DAY}, by DuckDB. */
  static List<String> runs(Path wh) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT command || '|' || status || '|' || error || '|' "
                    + "|| coalesce(CAST(input_records AS VARCHAR), 'null') || '|' || rows_written "
                    + "FROM read_parquet('"
                    + wh.resolve("runs")
                    + "/*/*.parquet', hive_partitioning=true) "
                    + "WHERE CAST(run_date AS VARCHAR) = '"
                    + DAY
                    + "' ORDER BY run_id")) {
      List<String> out = new java.util.ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }
}

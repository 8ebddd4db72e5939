package dev.parallax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parallax.ChildJvm;
import dev.parallax.S3ProxyServer;
import dev.parallax.TestSpark;
import dev.parallax.warehouse.Storage;
import dev.parallax.warehouse.Table;
import dev.parallax.warehouse.Warehouse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job on an {@code s3a://} warehouse, on a real S3 API (S3Proxy on 127.0.0.1 through
 * hadoop-aws): a full run writes the same tables as the local sample run and its reports; {@code
 * sql} reads the tables back; a second run of the date while one holds the lock is exit 4; a run
 * killed (SIGKILL) in the middle of publishing leaves the published tables as they were, and the
 * next run takes over its expired lock and removes what it left. The settings reach S3A the way a
 * user gives them: {@code spark.conf} in the config file. The server keeps objects in memory here:
 * on its file-system backend (which {@code warehouse.S3StorageTest} uses) every Spark write costs
 * about ten seconds of S3Proxy's object deletes, minutes for a whole run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class S3WarehouseTest {
  static final String BUCKET = "parallax-e2e";
  static final String WAREHOUSE = "s3a://" + BUCKET + "/warehouse";
  static final LocalDate DAY = LocalDate.parse(SampleWarehouse.RUN_DATE);
  static final int LEASE_SECONDS = 6;

  @TempDir static Path tmp;
  static S3ProxyServer s3;
  static Path config;
  static int stepsPassed;
  static long articlesBefore;

  @BeforeAll
  static void start() throws Exception {
    s3 = S3ProxyServer.start(tmp, S3ProxyServer.Backend.MEMORY);
    s3.createBucket(BUCKET);
    StringBuilder yaml =
        new StringBuilder("warehouse: " + WAREHOUSE + "\nmaster: local[2]\nspark:\n  conf:\n");
    s3.hadoopConf()
        .forEach(
            (k, v) ->
                yaml.append("    spark.hadoop.").append(k).append(": \"").append(v).append("\"\n"));
    yaml.append("warehouse.lock_lease_seconds: ").append(LEASE_SECONDS).append('\n');
    config = tmp.resolve("s3.yaml");
    Files.writeString(config, yaml.toString(), StandardCharsets.UTF_8);
  }

  @AfterAll
  static void stop() {
    if (s3 != null) {
      s3.close();
    }
  }

  private static List<String> runArgs(String command) {
    List<String> args =
        new ArrayList<>(
            List.of(
                command,
                "--config",
                config.toString(),
                "--input",
                SampleWarehouse.input().toString(),
                "--run-date",
                SampleWarehouse.RUN_DATE));
    args.addAll(SampleWarehouse.SETTINGS);
    return args;
  }

  private static Warehouse s3Warehouse() {
    SparkSession spark = TestSpark.get();
    s3.hadoopConf().forEach(spark.sparkContext().hadoopConfiguration()::set);
    return new Warehouse(spark, WAREHOUSE, 1);
  }

  private static Dataset<Row> local(Table table) {
    return TestSpark.get()
        .read()
        .parquet(SampleWarehouse.get().resolve(table.folder() + "/run_date=" + DAY).toString());
  }

  private static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual, String what) {
    assertEquals(expected.count(), actual.count(), what + ": row count");
    assertEquals(0, expected.exceptAll(actual).count(), what + ": rows only the local run has");
    assertEquals(0, actual.exceptAll(expected).count(), what + ": rows only the s3 run has");
  }

  @Test
  @Order(1)
  void fullRunOnS3WritesTheSampleTablesAndReports() throws Exception {
    CliRun.Outcome o = CliRun.execute(runArgs("run").toArray(String[]::new));
    assertEquals(0, o.code(), o.err());
    assertTrue(
        o.out().contains("warehouse=" + WAREHOUSE + " storage=s3 publish=manifest-switch"),
        o.out());
    assertTrue(o.out().contains("reports: " + WAREHOUSE + "/reports/run_date=" + DAY), o.out());
    Warehouse wh = s3Warehouse();
    for (Table t : Table.values()) {
      assertTrue(wh.exists(t, DAY), t.folder());
    }
    // the same computation as the local sample run: identical tables (runs and articles carry
    // run-specific ids and times)
    for (Table t :
        List.of(
            Table.SENTENCES,
            Table.THEME_FREQUENCY,
            Table.STANCE_BY_SOURCE,
            Table.STANCE_DIFFERENCE,
            Table.DISTINCTIVE_TERMS,
            Table.SOURCE_SUMMARY,
            Table.STORIES,
            Table.REJECTS)) {
      assertSameRows(local(t), wh.read(t, DAY), t.folder());
    }
    articlesBefore = wh.read(Table.ARTICLES, DAY).count();
    assertEquals(local(Table.ARTICLES).count(), articlesBefore);
    List<String> localReports;
    try (Stream<Path> l = Files.list(SampleWarehouse.get().resolve("reports/run_date=" + DAY))) {
      localReports = l.map(p -> p.getFileName().toString()).sorted().toList();
    }
    Storage storage = wh.storage();
    org.apache.hadoop.fs.Path reports =
        new org.apache.hadoop.fs.Path(WAREHOUSE + "/reports/run_date=" + DAY);
    assertEquals(localReports, storage.fileNames(reports));
    String html =
        new String(
            storage.read(new org.apache.hadoop.fs.Path(reports, "report.html")),
            StandardCharsets.UTF_8);
    assertTrue(html.startsWith("<!DOCTYPE html>") && html.endsWith("</html>\n"), "whole report");
    stepsPassed = 1;
  }

  @Test
  @Order(2)
  void sqlReadsTheTablesBack() {
    assumeTrue(stepsPassed == 1, "needs the run of step 1");
    CliRun.Outcome o =
        CliRun.execute(
            "sql",
            "--config",
            config.toString(),
            "--format",
            "csv",
            "SELECT count(*) AS n, min(run_date) AS d FROM articles");
    assertEquals(0, o.code(), o.err());
    assertTrue(o.err().contains("views at run_date=" + DAY + ": articles"), o.err());
    assertTrue(o.out().contains(articlesBefore + "," + DAY), o.out());
    stepsPassed = 2;
  }

  @Test
  @Order(3)
  void concurrentRunIsRefusedAndAKilledRunLeavesTheTablesIntact() throws Exception {
    assumeTrue(stepsPassed == 2, "needs steps 1 and 2");
    Path log = tmp.resolve("killed-run.log");
    ChildJvm.Builder b =
        ChildJvm.java("dev.parallax.cli.Main")
            .heap("2g")
            .systemProperty("parallax.test.pauseMidSwap", "articles")
            .args(runArgs("run"))
            .log(log);
    try (ChildJvm run = b.start()) {
      run.awaitLine(true, "test hook: paused mid-swap table=articles", Duration.ofMinutes(4));
      Warehouse wh = s3Warehouse();
      org.apache.hadoop.fs.Path partition = wh.partitionPath(Table.ARTICLES, DAY);
      long listed =
          wh.storage().fileNames(partition).stream().filter(n -> n.endsWith(".parquet")).count();
      // the new files are in beside the old, the manifest still lists only the old ones
      assertTrue(listed > wh.read(Table.ARTICLES, DAY).inputFiles().length, "mid-switch state");

      CliRun.Outcome second = CliRun.execute(runArgs("ingest").toArray(String[]::new));
      assertEquals(ExitCodes.LOCKED, second.code(), second.err());
      assertTrue(
          second.errorLines().get(0).contains("pid " + run.pid()), second.errorLines().get(0));

      run.kill();
      assertEquals(articlesBefore, wh.read(Table.ARTICLES, DAY).count(), "old partition read");
      assertSameRows(local(Table.THEME_FREQUENCY), wh.read(Table.THEME_FREQUENCY, DAY), "tf");
    }
    stepsPassed = 3;
  }

  @Test
  @Order(4)
  void nextRunTakesOverTheExpiredLockAndRemovesWhatTheKilledRunLeft() throws Exception {
    assumeTrue(stepsPassed == 3, "needs the killed run of step 3");
    Thread.sleep((LEASE_SECONDS + 1) * 1000L);
    CliRun.Outcome o = CliRun.execute(runArgs("ingest").toArray(String[]::new));
    assertEquals(0, o.code(), o.err());
    assertTrue(
        o.out().contains("took over the run lock of a run that stopped renewing it"), o.out());
    assertTrue(o.out().contains("recovered 1 partition swap(s) left by a killed run"), o.out());
    Warehouse wh = s3Warehouse();
    org.apache.hadoop.fs.Path partition = wh.partitionPath(Table.ARTICLES, DAY);
    long files =
        wh.storage().fileNames(partition).stream().filter(n -> n.endsWith(".parquet")).count();
    assertEquals(wh.read(Table.ARTICLES, DAY).inputFiles().length, files, "no stray files");
    assertEquals(articlesBefore, wh.read(Table.ARTICLES, DAY).count());
  }
}

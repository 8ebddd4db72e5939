package dev.parallax.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parallax.ChildJvm;
import dev.parallax.cli.Main;
import dev.parallax.cli.SampleWarehouse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real distributed run: a Spark standalone master and worker, each in its own JVM on 127.0.0.1,
 * and the CLI's {@code run} as a client-mode driver in a third JVM. Its tables must equal those of
 * the local run of the same input and settings, {@link SampleWarehouse}, read back with DuckDB.
 *
 * <p>The executor loads Parallax's classes from the worker's classpath (the test classpath: no jar
 * upload); the lexicons, read on the driver, reach it only inside the annotator and the NLP
 * pipeline that the driver ships, as on any cluster. Input: the corpus of {@code CliEndToEndTest}
 * (14 accepted articles, 2 rejected lines, counted by hand there).
 */
class StandaloneClusterTest {
  static final String RUN_DATE = SampleWarehouse.RUN_DATE;

  /**
   * What the cluster run adds to {@link SampleWarehouse#SETTINGS}, so that only the master differs
   * where tables are concerned: a small executor with the quick JVM flags of {@link
   * ChildJvm#QUICK_JVM}, to keep it light. Both runs start in the project folder and so read the
   * same jobs/parallax.yaml.
   */
  static final List<String> CLUSTER_SETTINGS =
      List.of(
          "--set",
          "spark.conf.spark.executor.memory=512m",
          "--set",
          "spark.conf.spark.executor.extraJavaOptions=" + String.join(" ", ChildJvm.QUICK_JVM));

  @TempDir static Path tmp;
  static StandaloneCluster cluster;
  static Path clusterWarehouse;
  static Path localWarehouse;
  static int clusterExit;
  static String driverLog;
  static JsonNode masterAfterRun;

  @BeforeAll
  static void runOnClusterAndLocally() throws Exception {
    clusterWarehouse = tmp.resolve("warehouse-cluster");
    long t0 = System.nanoTime();
    cluster = StandaloneCluster.start(tmp.resolve("cluster"), 1, "1g");
    ChildJvm driver = null;
    try {
      cluster.awaitWorkers(1, Duration.ofMinutes(2));
      long t1 = System.nanoTime();
      // The cluster run's driver in its own JVM, and meanwhile (unless an earlier test class
      // has built it) the local run in this one.
      List<String> clusterArgs =
          new ArrayList<>(
              List.of(
                  "run",
                  "--master",
                  cluster.masterUrl(),
                  "--input",
                  SampleWarehouse.input().toString(),
                  "--warehouse",
                  clusterWarehouse.toString(),
                  "--run-date",
                  RUN_DATE));
      clusterArgs.addAll(SampleWarehouse.SETTINGS);
      clusterArgs.addAll(CLUSTER_SETTINGS);
      Path log = tmp.resolve("driver.log");
      driver = ChildJvm.java(Main.class.getName()).args(clusterArgs).log(log).start();
      localWarehouse = SampleWarehouse.get();
      long t2 = System.nanoTime();
      try {
        clusterExit = driver.awaitExit(Duration.ofMinutes(10));
      } catch (AssertionError e) {
        throw new AssertionError("the cluster run: " + e.getMessage() + "\n" + cluster.logs());
      }
      long t3 = System.nanoTime();
      driverLog = Files.readString(log, StandardCharsets.UTF_8);
      if (clusterExit != 0) {
        driverLog += "\n" + cluster.logs();
      }
      masterAfterRun = cluster.status();
      driverLog
          .lines()
          .filter(l -> l.startsWith("stage="))
          .forEach(l -> System.out.println("cluster " + l));
      System.out.printf(
          Locale.ROOT,
          "StandaloneClusterTest: master and worker up in %.1fs, then "
              + "side by side: local run (or none, if shared) %.1fs, cluster run %.1fs; "
              + "total %.1fs%n",
          (t1 - t0) / 1e9,
          (t2 - t1) / 1e9,
          (t3 - t1) / 1e9,
          (t3 - t0) / 1e9);
    } finally {
      if (driver != null) {
        driver.close();
      }
      cluster.close();
    }
  }

  @AfterAll
  static void stopCluster() throws InterruptedException {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void theClusterRunSucceeds() {
    assertEquals(0, clusterExit, driverLog);
    for (String stage : List.of("ingest", "annotate", "compare")) {
      assertTrue(driverLog.contains("stage=" + stage + " status=ok"), driverLog);
    }
  }

  @Test
  void theApplicationRanOnTheStandaloneMaster() {
    JsonNode apps = masterAfterRun.path("completedapps");
    assertEquals(1, apps.size(), masterAfterRun.toString());
    assertEquals("parallax run", apps.get(0).path("name").asText(), masterAfterRun.toString());
    assertEquals("FINISHED", apps.get(0).path("state").asText(), masterAfterRun.toString());
    assertEquals(1, masterAfterRun.path("aliveworkers").asInt(), masterAfterRun.toString());
  }

  @Test
  void everyTableHasTheSameRowCount() throws Exception {
    List<String> tables = tables(localWarehouse);
    assertEquals(tables, tables(clusterWarehouse));
    assertTrue(
        tables.containsAll(
            List.of(
                "articles",
                "rejects",
                "sentences",
                "theme_frequency",
                "stance_by_source",
                "stance_difference",
                "distinctive_terms",
                "source_summary")),
        tables.toString());
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      for (String t : tables) {
        long local = count(s, localWarehouse, t);
        assertTrue(local > 0, t);
        assertEquals(local, count(s, clusterWarehouse, t), t);
      }
      // By hand, in CliEndToEndTest: 14 accepted records, 2 rejected lines.
      assertEquals(14, count(s, clusterWarehouse, "articles"));
      assertEquals(2, count(s, clusterWarehouse, "rejects"));
    }
  }

  @Test
  void articlesAreIdentical() throws SQLException {
    assertSameRows("articles", "SELECT * EXCLUDE (run_date) FROM %s");
  }

  @Test
  void sentencesAreIdentical() throws SQLException {
    assertSameRows("sentences", "SELECT article_id, sentence_idx, tone, themes FROM %s");
  }

  @Test
  void stanceDifferencesAreIdentical() throws SQLException {
    assertSameRows("stance_difference", "SELECT * EXCLUDE (run_date) FROM %s");
  }

  /**
   * The rows {@code select} (with %s for the table) gives in both warehouses, every value as text,
   * sorted: they must be equal.
   */
  private static void assertSameRows(String table, String select) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      List<String> local = rows(s, select.formatted(glob(localWarehouse, table)));
      List<String> remote = rows(s, select.formatted(glob(clusterWarehouse, table)));
      assertFalse(local.isEmpty(), table);
      assertEquals(local.size(), remote.size(), table);
      for (int i = 0; i < local.size(); i++) {
        assertEquals(local.get(i), remote.get(i), table + " row " + i);
      }
    }
  }

  private static List<String> rows(Statement s, String query) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs =
        s.executeQuery("SELECT COLUMNS(*)::VARCHAR FROM (" + query + ") ORDER BY ALL")) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          sb.append(rs.getMetaData().getColumnName(i))
              .append('=')
              .append(rs.getString(i))
              .append(" | ");
        }
        out.add(sb.toString());
      }
    }
    return out;
  }

  private static long count(Statement s, Path warehouse, String table) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + glob(warehouse, table))) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String glob(Path warehouse, String table) {
    return "read_parquet('" + warehouse.resolve(table) + "/*/*.parquet', hive_partitioning=true)";
  }

  /** Table folders holding Parquet files: not bookkeeping ({@code _…}) and not reports. */
  private static List<String> tables(Path warehouse) throws IOException {
    TreeSet<String> out = new TreeSet<>();
    try (Stream<Path> dirs = Files.list(warehouse)) {
      for (Path d : (Iterable<Path>) dirs::iterator) {
        String name = d.getFileName().toString();
        if (name.startsWith("_") || name.equals("reports")) {
          continue;
        }
        try (Stream<Path> files = Files.walk(d)) {
          if (files.anyMatch(f -> f.toString().endsWith(".parquet"))) {
            out.add(name);
          }
        }
      }
    }
    return new ArrayList<>(out);
  }
}

package dev.parallax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.TestCorpus;
import dev.parallax.TestSpark;
import dev.parallax.warehouse.RunRecord;
import dev.parallax.warehouse.RunsTable;
import dev.parallax.warehouse.Table;
import dev.parallax.warehouse.Warehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which run date {@code parallax sql} shows by default: on a copy of the sample warehouse (one
 * complete successful run on 2025-02-10), later dates are added with partitions of every table but
 * no successful run that published them all: 2025-02-11 has every table but its only full run
 * failed; 2025-02-12 has articles from a successful {@code ingest} only. Every view must still show
 * 2025-02-10, never a mix.
 */
class SqlViewsDateTest {
  static final LocalDate COMPLETE = LocalDate.parse(SampleWarehouse.RUN_DATE);
  static final LocalDate FAILED = COMPLETE.plusDays(1);
  static final LocalDate PARTIAL = COMPLETE.plusDays(2);

  @TempDir static Path tmp;
  static Path root;

  @BeforeAll
  static void copyAndExtend() throws IOException {
    root = tmp.resolve("warehouse");
    TestCorpus.copyTree(SampleWarehouse.get(), root);
    Warehouse wh = new Warehouse(TestSpark.get(), root.toString(), 1_000_000);
    Map<String, Long> all = new LinkedHashMap<>();
    for (Table t : Table.values()) {
      if (t == Table.RUNS) {
        continue;
      }
      Path from = root.resolve(t.folder() + "/run_date=" + COMPLETE);
      TestCorpus.copyTree(from, root.resolve(t.folder() + "/run_date=" + FAILED));
      all.put(t.folder(), 1L);
    }
    TestCorpus.copyTree(
        root.resolve("articles/run_date=" + COMPLETE),
        root.resolve("articles/run_date=" + PARTIAL));
    RunsTable.record(TestSpark.get(), wh, FAILED, run("run-failed", "run", false, all));
    RunsTable.record(
        TestSpark.get(), wh, PARTIAL, run("run-ingest", "ingest", true, Map.of("articles", 1L)));
  }

  private static RunRecord run(
      String id, String command, boolean succeeded, Map<String, Long> rowsWritten) {
    Instant now = Instant.parse("2025-02-12T06:00:00Z");
    return new RunRecord(
        id,
        command,
        succeeded ? RunRecord.Status.SUCCEEDED : RunRecord.Status.FAILED,
        now,
        now.plusSeconds(10),
        Map.of(command, 10.0),
        null,
        rowsWritten,
        "test",
        "0".repeat(64),
        "local[1]",
        succeeded ? null : "boom");
  }

  private static CliRun.Outcome sql(String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("sql", "--format", "csv", "--warehouse", root.toString()));
    args.addAll(List.of(extra));
    return CliRun.execute(args.toArray(String[]::new));
  }

  @Test
  void everyViewShowsTheLatestDateOneSuccessfulRunPublishedWhole() {
    CliRun.Outcome o =
        sql(
            "SELECT (SELECT max(run_date) FROM articles) AS a, (SELECT max(run_date) FROM"
                + " sentences) AS s, (SELECT max(run_date) FROM runs) AS r");
    assertEquals(0, o.code(), o.err());
    assertEquals("a,s,r\r\n" + COMPLETE + "," + COMPLETE + "," + COMPLETE + "\r\n", o.out());
    assertTrue(o.err().contains("views at run_date=" + COMPLETE + ": articles, rejects"), o.err());
    assertFalse(o.err().contains("run_date=" + PARTIAL), o.err());
    assertFalse(o.err().contains("no run date has every table"), o.err());
  }

  @Test
  void runDateStillShowsThatDatesPartitions() {
    CliRun.Outcome o = sql("--run-date", PARTIAL.toString(), "SELECT count(*) AS n FROM articles");
    assertEquals(0, o.code(), o.err());
    assertTrue(o.err().contains("views at run_date=" + PARTIAL + ": articles, runs"), o.err());
  }

  /** Without any complete run, each view falls back to its table's latest date, and says so. */
  @Test
  void withoutACompleteRunEachTableShowsItsLatestAndTheLineSaysSo() throws IOException {
    Path bare = tmp.resolve("bare");
    TestCorpus.copyTree(root.resolve("articles"), bare.resolve("articles"));
    TestCorpus.copyTree(root.resolve("sentences"), bare.resolve("sentences"));
    Files.createDirectories(bare.resolve("runs"));
    CliRun.Outcome o =
        CliRun.execute(
            "sql",
            "--format",
            "csv",
            "--warehouse",
            bare.toString(),
            "SELECT max(run_date) AS d FROM articles");
    assertEquals(0, o.code(), o.err());
    assertEquals("d\r\n" + PARTIAL + "\r\n", o.out());
    assertTrue(o.err().contains("no run date has every table from one successful run"), o.err());
  }
}

package dev.parallax.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.TestSpark;
import dev.parallax.warehouse.schema.RunsColumns;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runs table accumulates the runs of a date (a rerun adds a row, the same run_id replaces its
 * row), keeps the date only as the partition column, and is read by DuckDB as analysts would.
 */
class RunsTableTest {
  static final LocalDate DAY = LocalDate.of(2025, 2, 10);

  @TempDir Path tmp;

  @Test
  void partitionAccumulatesRunsAndReplacesBySameRunId() throws SQLException {
    Warehouse wh = new Warehouse(TestSpark.get(), tmp.toString(), 1_000_000);
    Map<String, Double> stages = new LinkedHashMap<>();
    stages.put("ingest", 12.3456);
    stages.put("annotate", 5.0);
    Map<String, Long> written = new LinkedHashMap<>();
    written.put("articles", 31L);
    written.put("rejects", 0L);
    written.put("sentences", 882L);
    RunRecord first =
        new RunRecord(
            "20250210T060000Z-aaaaaaaa",
            "run",
            RunRecord.Status.SUCCEEDED,
            Instant.parse("2025-02-10T06:00:00Z"),
            Instant.parse("2025-02-10T06:00:42.5Z"),
            stages,
            // ingest: 33 records = 31 accepted + 2 rejected; annotate: 31 = 27 analysed + 1
            // duplicate + 1 near duplicate + 2 not analysed (pt, ta)
            RunRecord.InputCounts.ingested(33, 31, 2, 1, 1, Map.of())
                .with(RunRecord.InputCounts.annotated(1, 1, 27, 2, Map.of("ta", 1L, "pt", 1L))),
            written,
            "0.1.0",
            "abc123",
            "local[*]",
            null);
    RunRecord failedCompare =
        new RunRecord(
            "20250210T070000Z-bbbbbbbb",
            "compare",
            RunRecord.Status.FAILED,
            Instant.parse("2025-02-10T07:00:00Z"),
            Instant.parse("2025-02-10T07:00:01.25Z"),
            Map.of("compare", 0.4),
            null,
            Map.of(),
            "0.1.0",
            "abc123",
            "local[2]",
            "table sentences has no partition run_date=2025-02-10");

    assertEquals(1, RunsTable.record(TestSpark.get(), wh, DAY, first));
    assertEquals(2, RunsTable.record(TestSpark.get(), wh, DAY, failedCompare));
    RunRecord firstAgain =
        new RunRecord(
            first.runId(),
            "run",
            RunRecord.Status.FAILED,
            first.startedAt(),
            Instant.parse("2025-02-10T06:01:00Z"),
            stages,
            null,
            Map.of(),
            "0.1.0",
            "abc123",
            "local[*]",
            "boom");
    assertEquals(1, RunsTable.record(TestSpark.get(), wh, DAY.plusDays(1), first));
    assertEquals(2, RunsTable.record(TestSpark.get(), wh, DAY, firstAgain));
    assertEquals(2, RunsTable.record(TestSpark.get(), wh, DAY, first));

    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      List<String> rows = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT run_id, command, status, "
                  + "strftime(started_at AT TIME ZONE 'UTC', '%H:%M:%S'), seconds, stage_seconds, "
                  + "input_records, accepted, rejected, duplicates, rows_written, master, error, "
                  + "analysed, not_analysed, not_analysed_by_language, near_duplicates "
                  + "FROM read_parquet('"
                  + tmp.resolve("runs")
                  + "/*/*.parquet', hive_partitioning=true) "
                  + "WHERE CAST(run_date AS VARCHAR) = '2025-02-10' ORDER BY run_id")) {
        while (rs.next()) {
          List<String> cells = new ArrayList<>();
          for (int i = 1; i <= 17; i++) {
            cells.add(rs.getString(i));
          }
          rows.add(String.join("|", cells));
        }
      }
      // seconds: 06:00:00 to 06:00:42.5 = 42.5; 07:00:00 to 07:00:01.25 = 1.25. stage seconds
      // are rounded to the millisecond: 12.3456 -> 12.346.
      assertEquals(
          List.of(
              "20250210T060000Z-aaaaaaaa|run|succeeded|06:00:00|42.5|{\"ingest\":12.346,\"annotate\":5.0}"
                  + "|33|31|2|1|{\"articles\":31,\"rejects\":0,\"sentences\":882}|local[*]|null"
                  + "|27|2|{\"pt\":1,\"ta\":1}|1",
              "20250210T070000Z-bbbbbbbb|compare|failed|07:00:00|1.25|{\"compare\":0.4}"
                  + "|null|null|null|null|{}|local[2]|table sentences has no partition run_date=2025-02-10"
                  + "|null|null|null|null"),
          rows);
      assertEquals(
          1,
          scalarLong(
              s,
              "SELECT count(*) FROM read_parquet('"
                  + tmp.resolve("runs")
                  + "/*/*.parquet', hive_partitioning=true) WHERE CAST(run_date AS VARCHAR) = '2025-02-11'"));
      String file = tmp.resolve("runs/run_date=2025-02-10") + "/*.parquet";
      assertEquals(
          0,
          scalarLong(
              s,
              "SELECT count(*) FROM parquet_schema('"
                  + file
                  + "') WHERE name IN ('run_date', 'run_day')"),
          "the date is the partition column only");
      assertEquals(
          1,
          scalarLong(
              s,
              "SELECT count(*) FROM parquet_schema('"
                  + file
                  + "') WHERE name = 'started_at' AND type = 'INT64'"));
    }
    assertFalse(wh.exists(Table.RUNS, DAY.plusDays(2)));
    assertTrue(wh.exists(Table.RUNS, DAY));
    assertNull(
        RunsTable.toRow(failedCompare)
            .get(RunsColumns.SCHEMA.fieldIndex(RunsColumns.INPUT_RECORDS)),
        "input_records is null without ingest");
  }

  @Test
  void annotateCountsJoinIngestsAndStandAlone() {
    RunRecord.InputCounts ingest = RunRecord.InputCounts.ingested(10, 9, 1, 2, 1, Map.of());
    RunRecord.InputCounts annotate = RunRecord.InputCounts.annotated(2, 1, 5, 1, Map.of("pt", 1L));
    RunRecord.InputCounts both = ingest.with(annotate);
    assertEquals(
        new RunRecord.InputCounts(10L, 9L, 1L, 2L, 1L, 5L, 1L, Map.of("pt", 1L), Map.of()), both);
    // 9 accepted = 5 analysed + 2 duplicates + 1 near duplicate + 1 not analysed
    assertEquals(
        both.accepted(),
        both.analysed() + both.duplicates() + both.nearDuplicates() + both.notAnalysed());
    Row alone =
        RunsTable.toRow(
            new RunRecord(
                "r",
                "annotate",
                RunRecord.Status.SUCCEEDED,
                Instant.EPOCH,
                Instant.EPOCH,
                Map.of(),
                annotate,
                Map.of(),
                "v",
                "h",
                "local",
                null));
    assertNull(alone.get(RunsColumns.SCHEMA.fieldIndex(RunsColumns.INPUT_RECORDS)));
    assertEquals(5L, alone.get(RunsColumns.SCHEMA.fieldIndex(RunsColumns.ANALYSED)));
    assertEquals(1L, alone.get(RunsColumns.SCHEMA.fieldIndex(RunsColumns.NEAR_DUPLICATES)));
    assertEquals(
        "{\"pt\":1}",
        alone.get(RunsColumns.SCHEMA.fieldIndex(RunsColumns.NOT_ANALYSED_BY_LANGUAGE)));
  }

  static long scalarLong(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

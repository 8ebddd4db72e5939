package dev.parallax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CLI's {@code run} path on a temporary copy of a small corpus ({@link SampleWarehouse}), its
 * Parquet output read with DuckDB (no Spark), as an analyst would.
 *
 * <p>The corpus is six files of the sample in data/coverage plus src/test/resources/corpus-mini
 * (two bad JSON lines and a README). By hand count: op-ed-seed.txt 1 record,
 * kasumigaseki-bulletin.jsonl 3, commerce-ledger.csv 4 (the 4th reprints the wire's first story
 * word for word), meridian-wire.jsonl.gz 4, huaxia-daily-herald-2.html 1, heiwa-daily-3.md 1 = 14
 * good records from 6 sources, one of them an exact duplicate; bad.jsonl has a truncated JSON line
 * and a record with a blank source = 2 rejects; README.md is documentation, skipped.
 */
class CliEndToEndTest {
  static final String RUN_DATE = SampleWarehouse.RUN_DATE;

  static Path warehouse;

  /** The shared sample run; {@link SampleWarehouse#get()} fails unless it exited 0. */
  @BeforeAll
  static void runPipeline() {
    warehouse = SampleWarehouse.get();
  }

  @Test
  void printsReconciliation() {
    String stdout = SampleWarehouse.stdout();
    assertTrue(stdout.contains("input=16 accepted=14 rejected=2 duplicates=1"), stdout);
  }

  @Test
  void duckDbReadsArticlesWithHivePartitioning() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      String articles = glob("articles");
      assertEquals(14, scalarLong(s, "SELECT count(*) FROM " + articles));
      assertEquals(6, scalarLong(s, "SELECT count(DISTINCT source) FROM " + articles));
      assertEquals(
          1, scalarLong(s, "SELECT count(*) FROM " + articles + " WHERE duplicate_of IS NOT NULL"));
      assertEquals(
          14,
          scalarLong(
              s,
              "SELECT count(*) FROM "
                  + articles
                  + " WHERE CAST(run_date AS VARCHAR) = '"
                  + RUN_DATE
                  + "'"));
      // The seed was published 2025-02-06T08:00:00-05:00 = 13:00 UTC.
      assertEquals(
          "2025-02-06 13:00:00",
          scalarString(
              s,
              "SELECT strftime(published_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%S') FROM "
                  + articles
                  + " WHERE source = 'Op-Ed (seed)'"));
      // The reprint points at the wire story, published earlier.
      assertEquals(
          "Meridian Wire",
          scalarString(
              s,
              "SELECT b.source FROM "
                  + articles
                  + " a JOIN "
                  + articles
                  + " b ON a.duplicate_of = b.article_id"));
      String rejects = glob("rejects");
      assertEquals(2, scalarLong(s, "SELECT count(*) FROM " + rejects));
      assertEquals(
          "line 1=malformed_json;line 2=missing_source",
          scalarString(
              s,
              "SELECT string_agg(record_ref || '=' || reason_code, ';' ORDER BY record_ref) FROM "
                  + rejects));
    }
  }

  @Test
  void sentencesCoverEveryNonDuplicateArticle() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      String sentences = glob("sentences");
      // 14 accepted articles, one of them a duplicate: 13 are annotated.
      assertEquals(13, scalarLong(s, "SELECT count(DISTINCT article_id) FROM " + sentences));
      assertEquals(
          0, scalarLong(s, "SELECT count(*) FROM " + sentences + " WHERE tone < -1 OR tone > 1"));
      assertEquals(
          0,
          scalarLong(
              s,
              "SELECT count(*) FROM "
                  + sentences
                  + " s JOIN "
                  + glob("articles")
                  + " a USING (article_id) WHERE a.duplicate_of IS NOT NULL"));
      assertTrue(
          scalarLong(
                  s,
                  "SELECT count(*) FROM "
                      + sentences
                      + " WHERE list_contains(themes, 'north_korea')")
              > 0);
    }
  }

  /**
   * Annotate writes sentences as they are annotated, without a sort of its own: each file must
   * still be sorted by (article_id, sentence_idx), files must hold disjoint key ranges, and each
   * article's sentence_idx must run 0, 1, 2, ... without a gap, so a rerun writes the same files.
   */
  @Test
  void sentenceFilesAreSortedAndHoldDisjointKeyRanges() throws SQLException, IOException {
    List<Path> files = parquetFiles("sentences");
    assertTrue(files.size() >= 2, "one file per annotate task expected, got " + files);
    List<String[]> ranges = new ArrayList<>();
    long rows = 0;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      for (Path f : files) {
        String prevId = null;
        long prevIdx = -1;
        try (ResultSet rs =
            s.executeQuery(
                "SELECT article_id, sentence_idx FROM read_parquet('"
                    + f
                    + "', file_row_number = true) ORDER BY file_row_number")) {
          while (rs.next()) {
            String id = rs.getString(1);
            long idx = rs.getLong(2);
            if (id.equals(prevId)) {
              assertEquals(prevIdx + 1, idx, f + ": sentence_idx after " + prevIdx + " of " + id);
            } else {
              assertTrue(
                  prevId == null || prevId.compareTo(id) < 0, f + ": " + id + " after " + prevId);
              assertEquals(0, idx, f + ": first sentence of " + id);
              if (prevId == null) {
                ranges.add(new String[] {id, id});
              }
              ranges.get(ranges.size() - 1)[1] = id;
            }
            prevId = id;
            prevIdx = idx;
            rows++;
          }
        }
      }
      assertEquals(scalarLong(s, "SELECT count(*) FROM " + glob("sentences")), rows);
    }
    ranges.sort((a, b) -> a[0].compareTo(b[0]));
    for (int i = 1; i < ranges.size(); i++) {
      assertTrue(
          ranges.get(i - 1)[1].compareTo(ranges.get(i)[0]) < 0,
          "files overlap: "
              + String.join("..", ranges.get(i - 1))
              + " and "
              + String.join("..", ranges.get(i)));
    }
  }

  @Test
  void timestampsAreInt64MicrosNotInt96() throws SQLException, IOException {
    Path file = parquetFiles("articles").get(0);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT type, converted_type, logical_type FROM parquet_schema('"
                    + file
                    + "') WHERE name = 'published_at'")) {
      assertTrue(rs.next());
      assertEquals("INT64", rs.getString(1));
      String logical = rs.getString(2) + " " + rs.getString(3);
      assertTrue(logical.contains("MICROS"), logical);
    }
  }

  /** The Parquet files of a table's partition, in name order. */
  static List<Path> parquetFiles(String table) throws IOException {
    try (Stream<Path> files = Files.list(warehouse.resolve(table + "/run_date=" + RUN_DATE))) {
      return files.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
    }
  }

  static long scalarLong(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static String scalarString(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  static String glob(String table) {
    return "read_parquet('" + warehouse.resolve(table) + "/*/*.parquet', hive_partitioning=true)";
  }
}

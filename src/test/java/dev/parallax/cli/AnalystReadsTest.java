package dev.parallax.cli;

import static dev.parallax.cli.SampleWarehouse.duckDbTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.TestSpark;
import dev.parallax.warehouse.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Every table of a real run ({@link SampleWarehouse}) read with DuckDB, without Spark, as an
 * analyst would: the same rows and values as Spark reads, only standard types, and figures that
 * DuckDB recomputes from the sentences equal to those the compare stage published.
 */
class AnalystReadsTest {
  static final Set<String> STANDARD_TYPES =
      Set.of(
          "VARCHAR",
          "BIGINT",
          "DOUBLE",
          "BOOLEAN",
          "DATE",
          "TIMESTAMP WITH TIME ZONE",
          "VARCHAR[]");
  static final List<Table> ALWAYS_PUBLISHED =
      List.of(
          Table.ARTICLES,
          Table.REJECTS,
          Table.SENTENCES,
          Table.THEME_FREQUENCY,
          Table.STANCE_BY_SOURCE,
          Table.STANCE_DIFFERENCE,
          Table.DISTINCTIVE_TERMS,
          Table.SOURCE_SUMMARY);

  /** The tables the run published, each with its DuckDB column types. */
  static Map<Table, Map<String, String>> publishedTables(Statement s) throws SQLException {
    Map<Table, Map<String, String>> out = new LinkedHashMap<>();
    for (Table t : Table.values()) {
      if (!Files.isDirectory(partition(t))) {
        continue;
      }
      Map<String, String> types = new LinkedHashMap<>();
      try (ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM " + duckDbTable(t.folder()))) {
        while (rs.next()) {
          types.put(rs.getString("column_name"), rs.getString("column_type"));
        }
      }
      out.put(t, types);
    }
    return out;
  }

  static Path partition(Table t) {
    return SampleWarehouse.get()
        .resolve(t.folder())
        .resolve("run_date=" + SampleWarehouse.RUN_DATE);
  }

  static Dataset<Row> sparkRead(Table t) {
    return TestSpark.get()
        .read()
        .option("basePath", SampleWarehouse.get().resolve(t.folder()).toString())
        .parquet(partition(t).toString());
  }

  @Test
  void everyTableHasTheSameRowCountInDuckDbAndSpark() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      Map<Table, Map<String, String>> tables = publishedTables(s);
      assertTrue(tables.keySet().containsAll(ALWAYS_PUBLISHED), tables.keySet().toString());
      for (Table t : tables.keySet()) {
        long duck =
            CliEndToEndTest.scalarLong(
                s,
                "SELECT count(*) FROM "
                    + duckDbTable(t.folder())
                    + " WHERE run_date = DATE '"
                    + SampleWarehouse.RUN_DATE
                    + "'");
        assertEquals(sparkRead(t).count(), duck, t.folder());
      }
      // By hand (see CliEndToEndTest): 14 accepted records, 2 rejects, 6 sources.
      assertEquals(
          14, CliEndToEndTest.scalarLong(s, "SELECT count(*) FROM " + duckDbTable("articles")));
      assertEquals(
          2, CliEndToEndTest.scalarLong(s, "SELECT count(*) FROM " + duckDbTable("rejects")));
      assertEquals(
          6,
          CliEndToEndTest.scalarLong(s, "SELECT count(*) FROM " + duckDbTable("source_summary")));
    }
  }

  @Test
  void everyColumnHasAStandardTypeAndDoublesAreFinite() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      List<String> odd = new ArrayList<>();
      for (Map.Entry<Table, Map<String, String>> t : publishedTables(s).entrySet()) {
        t.getValue()
            .forEach(
                (col, type) -> {
                  if (!STANDARD_TYPES.contains(type)) {
                    odd.add(t.getKey().folder() + "." + col + " " + type);
                  }
                });
        assertEquals("DATE", t.getValue().get("run_date"), t.getKey().folder());
        for (Map.Entry<String, String> col : t.getValue().entrySet()) {
          if (col.getValue().equals("DOUBLE")) {
            assertEquals(
                0,
                CliEndToEndTest.scalarLong(
                    s,
                    "SELECT count(*) FROM "
                        + duckDbTable(t.getKey().folder())
                        + " WHERE isnan(\""
                        + col.getKey()
                        + "\") OR isinf(\""
                        + col.getKey()
                        + "\")"),
                t.getKey().folder() + "." + col.getKey() + ": NaN or infinite");
          }
        }
      }
      assertTrue(odd.isEmpty(), "non-standard column types: " + odd);
    }
  }

  /**
   * Per column, an aggregate both engines compute the same way: the sum of a number, the count and
   * distinct count of a text, the trues of a boolean, the first and last instant of a timestamp in
   * epoch microseconds, the total length of a list.
   */
  @Test
  void everyColumnAggregatesToTheSameValuesInDuckDbAndSpark() throws SQLException {
    SparkSession spark = TestSpark.get();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      for (Map.Entry<Table, Map<String, String>> t : publishedTables(s).entrySet()) {
        List<String> duckAggs = new ArrayList<>();
        List<String> sparkAggs = new ArrayList<>();
        for (Map.Entry<String, String> col : t.getValue().entrySet()) {
          String q = "\"" + col.getKey() + "\"";
          String b = "`" + col.getKey() + "`";
          switch (col.getValue()) {
            case "BIGINT", "DOUBLE" -> {
              duckAggs.add("CAST(sum(" + q + ") AS DOUBLE)");
              sparkAggs.add("CAST(sum(" + b + ") AS DOUBLE)");
            }
            case "VARCHAR" -> {
              duckAggs.addAll(List.of("count(" + q + ")", "count(DISTINCT " + q + ")"));
              sparkAggs.addAll(List.of("count(" + b + ")", "count(DISTINCT " + b + ")"));
            }
            case "BOOLEAN" -> {
              duckAggs.add("sum(CASE WHEN " + q + " THEN 1 ELSE 0 END)");
              sparkAggs.add("sum(CASE WHEN " + b + " THEN 1 ELSE 0 END)");
            }
            case "TIMESTAMP WITH TIME ZONE" -> {
              duckAggs.addAll(List.of("epoch_us(min(" + q + "))", "epoch_us(max(" + q + "))"));
              sparkAggs.addAll(
                  List.of("unix_micros(min(" + b + "))", "unix_micros(max(" + b + "))"));
            }
            case "VARCHAR[]" -> {
              duckAggs.add("sum(coalesce(len(" + q + "), 0))");
              sparkAggs.add("sum(CASE WHEN " + b + " IS NULL THEN 0 ELSE size(" + b + ") END)");
            }
            default -> {
              duckAggs.add("count(" + q + ")");
              sparkAggs.add("count(" + b + ")");
            }
          }
        }
        List<Double> duck = new ArrayList<>();
        try (ResultSet rs =
            s.executeQuery(
                "SELECT "
                    + String.join(", ", duckAggs)
                    + " FROM "
                    + duckDbTable(t.getKey().folder()))) {
          rs.next();
          for (int i = 1; i <= duckAggs.size(); i++) {
            duck.add(rs.getObject(i) == null ? null : ((Number) rs.getObject(i)).doubleValue());
          }
        }
        sparkRead(t.getKey()).createOrReplaceTempView("analyst_reads_t");
        Row r =
            spark.sql("SELECT " + String.join(", ", sparkAggs) + " FROM analyst_reads_t").first();
        for (int i = 0; i < duck.size(); i++) {
          String what = t.getKey().folder() + ": " + duckAggs.get(i);
          if (duck.get(i) == null || r.isNullAt(i)) {
            assertEquals(duck.get(i) == null, r.isNullAt(i), what);
          } else {
            double sp = ((Number) r.get(i)).doubleValue();
            assertEquals(sp, duck.get(i), 1e-9 * Math.max(1, Math.abs(sp)), what);
          }
        }
      }
    }
  }

  /**
   * rate_per_1k_tokens = 1000 × (entries of theme_mentions equal to the theme) / (sum of n_tokens),
   * per story and source, recomputed in DuckDB; the grid holds every theme of the story for every
   * source, zeros included.
   */
  @Test
  void themeFrequencyRatesRecomputedInDuckDbFromSentences() throws SQLException {
    String sentences = duckDbTable("sentences");
    String recomputed =
        "WITH tok AS (SELECT story, source, sum(n_tokens) AS tokens FROM "
            + sentences
            + " GROUP BY story, source), "
            + "men AS (SELECT story, source, theme, count(*) AS mentions FROM (SELECT story, source, "
            + "unnest(theme_mentions) AS theme FROM "
            + sentences
            + ") GROUP BY story, source, theme), "
            + "themes AS (SELECT DISTINCT story, theme FROM men), "
            + "grid AS (SELECT tok.story, tok.source, themes.theme, tok.tokens, "
            + "coalesce(men.mentions, 0) AS mentions FROM tok JOIN themes USING (story) "
            + "LEFT JOIN men USING (story, source, theme)) ";
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      long published =
          CliEndToEndTest.scalarLong(s, "SELECT count(*) FROM " + duckDbTable("theme_frequency"));
      assertTrue(published > 0);
      assertEquals(
          published, CliEndToEndTest.scalarLong(s, recomputed + "SELECT count(*) FROM grid"));
      try (ResultSet rs =
          s.executeQuery(
              recomputed
                  + "SELECT count(*), "
                  + "count(*) FILTER (WHERE tf.mentions <> grid.mentions OR tf.source_tokens <> grid.tokens), "
                  + "max(abs(tf.rate_per_1k_tokens - grid.mentions * 1000.0 / grid.tokens)), "
                  + "count(*) FILTER (WHERE grid.mentions > 0) "
                  + "FROM grid JOIN "
                  + duckDbTable("theme_frequency")
                  + " tf USING (story, source, theme)")) {
        rs.next();
        assertEquals(published, rs.getLong(1), "rows matched");
        assertEquals(0, rs.getLong(2), "rows whose mentions or tokens differ");
        assertTrue(rs.getDouble(3) < 1e-9, "largest rate difference " + rs.getDouble(3));
        assertTrue(rs.getLong(4) > 20, "rows with mentions: " + rs.getLong(4));
      }
    }
  }

  /**
   * stance_by_source: sentences and tone_mean of each source × theme × voice (theme in the
   * sentence's themes, or _all; voice all: every sentence with its tone, voice authorial: the
   * sentences of voice authorial with their authorial_tone) equal count(*) and avg(tone) of the
   * sentences in DuckDB; source_summary's tone_mean equals the _all row of voice all;
   * stance_difference's means are those of the two sources in the same voice.
   */
  @Test
  void stanceToneMeansRecomputedInDuckDbFromSentences() throws SQLException {
    String sentences = duckDbTable("sentences");
    String groups =
        "WITH v AS (SELECT story, source, themes, tone, 'all' AS voice FROM "
            + sentences
            + " UNION ALL SELECT story, source, themes, authorial_tone, 'authorial' FROM "
            + sentences
            + " WHERE voice = 'authorial'), "
            + "g AS (SELECT story, source, theme, voice, count(*) AS n, avg(tone) AS tone "
            + "FROM (SELECT story, source, voice, tone, unnest(list_distinct(themes)) AS theme "
            + "FROM v UNION ALL SELECT story, source, voice, tone, '_all' FROM v) "
            + "GROUP BY story, source, theme, voice) ";
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      long published =
          CliEndToEndTest.scalarLong(s, "SELECT count(*) FROM " + duckDbTable("stance_by_source"));
      assertEquals(published, CliEndToEndTest.scalarLong(s, groups + "SELECT count(*) FROM g"));
      long authorial =
          CliEndToEndTest.scalarLong(
              s,
              "SELECT count(*) FROM "
                  + duckDbTable("stance_by_source")
                  + " WHERE voice = 'authorial' AND theme = '_all'");
      assertTrue(authorial > 0, "authorial rows on _all: " + authorial);
      try (ResultSet rs =
          s.executeQuery(
              groups
                  + "SELECT count(*), count(*) FILTER (WHERE b.sentences <> g.n), "
                  + "max(abs(b.tone_mean - g.tone)) FROM g JOIN "
                  + duckDbTable("stance_by_source")
                  + " b USING (story, source, theme, voice)")) {
        rs.next();
        assertEquals(published, rs.getLong(1));
        assertEquals(0, rs.getLong(2), "rows whose sentence count differs");
        assertTrue(rs.getDouble(3) < 1e-12, "largest tone_mean difference " + rs.getDouble(3));
      }
      assertEquals(
          6,
          CliEndToEndTest.scalarLong(
              s,
              "SELECT count(*) FROM "
                  + duckDbTable("source_summary")
                  + " ss JOIN "
                  + duckDbTable("stance_by_source")
                  + " b USING (story, source) "
                  + "WHERE b.theme = '_all' AND b.voice = 'all' "
                  + "AND abs(ss.tone_mean - b.tone_mean) < 1e-12"));
      long differences =
          CliEndToEndTest.scalarLong(s, "SELECT count(*) FROM " + duckDbTable("stance_difference"));
      try (ResultSet rs =
          s.executeQuery(
              "SELECT count(*), max(abs(d.tone_diff - (a.tone_mean - b.tone_mean))), "
                  + "count(*) FILTER (WHERE d.sentences_a <> a.sentences OR d.sentences_b <> b.sentences) FROM "
                  + duckDbTable("stance_difference")
                  + " d JOIN "
                  + duckDbTable("stance_by_source")
                  + " a ON a.story = d.story AND a.theme = d.theme AND a.voice = d.voice"
                  + " AND a.source = d.source_a JOIN "
                  + duckDbTable("stance_by_source")
                  + " b ON b.story = d.story AND b.theme = d.theme AND b.voice = d.voice "
                  + "AND b.source = d.source_b")) {
        rs.next();
        assertEquals(differences, rs.getLong(1));
        assertTrue(rs.getDouble(2) < 1e-12, "largest tone_diff difference " + rs.getDouble(2));
        assertEquals(0, rs.getLong(3));
      }
    }
  }
}

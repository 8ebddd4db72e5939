package dev.parallax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parallax sql} through {@link Main#execute} on a small warehouse written here:
 * source_summary at run dates 2025-02-09 (one row) and 2025-02-10 (three rows), articles at
 * 2025-02-09 only, and a source_summary folder {@code run_date=not-a-date} that must be ignored.
 */
class SqlCommandTest {
  static final String LONG_SOURCE = "Gamma " + "x".repeat(70);

  @TempDir static Path tmp;
  static String warehouse;

  @BeforeAll
  static void writeWarehouse() throws IOException {
    SparkSession spark = TestSpark.get();
    warehouse = tmp.resolve("warehouse").toString();
    StructType summary =
        new StructType()
            .add("story", DataTypes.StringType)
            .add("source", DataTypes.StringType)
            .add("sentences", DataTypes.LongType)
            .add("tone_mean", DataTypes.DoubleType)
            .add("top_themes", DataTypes.createArrayType(DataTypes.StringType))
            .add("first_published", DataTypes.TimestampType);
    Timestamp published = Timestamp.from(Instant.parse("2025-02-06T13:00:00Z"));
    write(
        spark,
        summary,
        "source_summary",
        "2025-02-10",
        List.of(
            RowFactory.create("s", "Alpha News", 12L, 0.25, List.of("trade", "energy"), published),
            RowFactory.create("s", "=Beta, Inc", 3L, -0.125, List.of(), null),
            RowFactory.create("s", LONG_SOURCE, 100L, null, List.of("x"), null)));
    write(
        spark,
        summary,
        "source_summary",
        "2025-02-09",
        List.<Row>of(RowFactory.create("s", "Old Source", 1L, 0.5, List.of("a"), null)));
    write(
        spark,
        new StructType().add("article_id", DataTypes.StringType).add("title", DataTypes.StringType),
        "articles",
        "2025-02-09",
        List.<Row>of(RowFactory.create("a1", "Line one\nline two")));
    Files.createDirectories(Path.of(warehouse, "source_summary", "run_date=not-a-date"));
  }

  private static void write(
      SparkSession spark, StructType schema, String table, String date, List<Row> rows) {
    spark
        .createDataFrame(rows, schema)
        .coalesce(1)
        .write()
        .parquet(Path.of(warehouse, table, "run_date=" + date).toString());
  }

  static CliRun.Outcome sql(String... args) {
    String[] full = new String[args.length + 3];
    full[0] = "sql";
    full[1] = "--warehouse";
    full[2] = warehouse;
    System.arraycopy(args, 0, full, 3, args.length);
    return CliRun.execute(full);
  }

  @Test
  void printsAnAlignedTableOfEachTablesLatestRunDate() {
    CliRun.Outcome o =
        sql(
            "SELECT source, sentences, tone_mean, top_themes FROM source_summary ORDER BY sentences");
    assertEquals(0, o.code(), o.err());
    // source: the 76-character name is cut to 59 characters and an ellipsis, so the column is 60
    // wide; numbers are right-aligned under their headers; null prints NULL; trailing blanks cut.
    String cut = "Gamma " + "x".repeat(53) + "…";
    String expected =
        ""
            + "source"
            + " ".repeat(54)
            + " | sentences | tone_mean | top_themes\n"
            + "-".repeat(60)
            + "-+-"
            + "-".repeat(9)
            + "-+-"
            + "-".repeat(9)
            + "-+-"
            + "-".repeat(15)
            + "\n"
            + "=Beta, Inc"
            + " ".repeat(50)
            + " |         3 |    -0.125 | []\n"
            + "Alpha News"
            + " ".repeat(50)
            + " |        12 |      0.25 | [trade, energy]\n"
            + cut
            + " |       100 |      NULL | [x]\n"
            + "(3 rows)\n";
    assertEquals(expected, o.out());
    assertTrue(
        o.err()
            .contains(
                "views at run_date=2025-02-09: articles; "
                    + "views at run_date=2025-02-10: source_summary"),
        o.err());
  }

  @Test
  void csvIsRfc4180WithTheSpreadsheetFormulaGuard() {
    CliRun.Outcome o =
        sql(
            "--format",
            "csv",
            "SELECT source, sentences, tone_mean, top_themes, "
                + "first_published FROM source_summary ORDER BY sentences");
    assertEquals(0, o.code(), o.err());
    assertEquals(
        "source,sentences,tone_mean,top_themes,first_published\r\n"
            + "\"'=Beta, Inc\",3,-0.125,,\r\n"
            + "Alpha News,12,0.25,trade; energy,2025-02-06T13:00:00Z\r\n"
            + LONG_SOURCE
            + ",100,,x,\r\n",
        o.out());
  }

  @Test
  void jsonLinesKeepNullsArraysAndTypes() {
    CliRun.Outcome o =
        sql(
            "--format",
            "json",
            "SELECT source, sentences, tone_mean, top_themes, "
                + "first_published, run_date FROM source_summary ORDER BY sentences LIMIT 2");
    assertEquals(0, o.code(), o.err());
    assertEquals(
        "{\"source\":\"=Beta, Inc\",\"sentences\":3,\"tone_mean\":-0.125,\"top_themes\":[],"
            + "\"first_published\":null,\"run_date\":\"2025-02-10\"}\n"
            + "{\"source\":\"Alpha News\",\"sentences\":12,\"tone_mean\":0.25,"
            + "\"top_themes\":[\"trade\",\"energy\"],\"first_published\":\"2025-02-06T13:00:00Z\","
            + "\"run_date\":\"2025-02-10\"}\n",
        o.out());
  }

  @Test
  void runDateChoosesThePartitionOfEveryTable() {
    CliRun.Outcome o =
        sql(
            "--run-date",
            "2025-02-09",
            "SELECT s.source, a.title FROM source_summary s CROSS JOIN articles a");
    assertEquals(0, o.code(), o.err());
    assertEquals(
        """
        source     | title
        -----------+-------------------
        Old Source | Line one\\nline two
        (1 row)
        """,
        o.out());
    assertTrue(
        o.err().startsWith("views at run_date=2025-02-09: articles, source_summary;"), o.err());
  }

  @Test
  void aTableWithoutTheRunDateIsNotRegistered() {
    CliRun.Outcome o = sql("--run-date", "2025-02-10", "SELECT count(*) FROM articles");
    assertEquals(ExitCodes.CONFIG, o.code(), o.out());
    List<String> lines = o.err().lines().toList();
    assertEquals(2, lines.size(), o.err());
    assertTrue(
        lines
            .get(0)
            .startsWith(
                "views at run_date=2025-02-10: source_summary; not registered "
                    + "(no run_date=2025-02-10 partition under "),
        lines.get(0));
    assertTrue(lines.get(0).contains("): articles, rejects,"), lines.get(0));
    assertTrue(lines.get(1).startsWith("parallax: error: [TABLE_OR_VIEW_NOT_FOUND]"), lines.get(1));
    assertEquals("", o.out());
  }

  @Test
  void aQueryErrorExitsTwoWithSparksMessageOnOneLine() {
    CliRun.Outcome o = sql("SELECT * FROM no_such_table");
    assertEquals(ExitCodes.CONFIG, o.code());
    List<String> lines = o.err().lines().toList();
    assertEquals(2, lines.size(), o.err());
    assertTrue(
        lines
            .get(1)
            .startsWith(
                "parallax: error: [TABLE_OR_VIEW_NOT_FOUND] The table or "
                    + "view `no_such_table` cannot be found."),
        lines.get(1));

    CliRun.Outcome syntax = sql("SELEKT 1");
    assertEquals(ExitCodes.CONFIG, syntax.code());
    assertTrue(syntax.err().contains("parallax: error: [PARSE_SYNTAX_ERROR]"), syntax.err());
  }

  @Test
  void describeShowsTheColumnDescriptionsAsComments() {
    CliRun.Outcome o = sql("--format", "json", "DESCRIBE source_summary");
    assertEquals(0, o.code(), o.err());
    assertTrue(
        o.out()
            .contains(
                "{\"col_name\":\"run_date\",\"data_type\":\"date\","
                    + "\"comment\":\"Run date of the partition (Hive partition column from the folder name "
                    + "run_date=YYYY-MM-DD).\"}"),
        o.out());
    assertTrue(
        o.out()
            .contains(
                "{\"col_name\":\"tone_mean\",\"data_type\":\"double\","
                    + "\"comment\":\"Mean tone of the source's toned sentences;"),
        o.out());
  }

  @Test
  void badOptionsExitTwoBeforeSparkWork() {
    assertEquals(ExitCodes.CONFIG, sql("--format", "xml", "SELECT 1").code());
    assertEquals(ExitCodes.CONFIG, sql("--run-date", "10/02/2025", "SELECT 1").code());
  }
}

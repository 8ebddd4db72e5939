package dev.parallax.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class CsvTest {
  static final StructType SCHEMA =
      new StructType()
          .add("name", DataTypes.StringType)
          .add("value", DataTypes.DoubleType)
          .add("n", DataTypes.LongType)
          .add("at", DataTypes.TimestampType)
          .add("tags", DataTypes.createArrayType(DataTypes.StringType))
          .add("ok", DataTypes.BooleanType);

  static String one(Object... values) {
    String csv = Csv.render(SCHEMA, List.of(RowFactory.create(values)));
    return csv.substring(csv.indexOf("\r\n") + 2);
  }

  @Test
  void headerAndCrlfLines() {
    String csv =
        Csv.render(
            SCHEMA,
            List.of(
                RowFactory.create("a", 1.5, 2L, null, null, true),
                RowFactory.create("b", null, null, null, null, null)));
    assertEquals("name,value,n,at,tags,ok\r\na,1.5,2,,,true\r\nb,,,,,\r\n", csv);
  }

  @Test
  void formulaLikeTextIsQuotedForSpreadsheetsButNumbersAreNot() {
    assertEquals("'=1+2,-0.25,-3,,,\r\n", one("=1+2", -0.25, -3L, null, null, null));
    assertEquals("'+x,,,,,\r\n", one("+x", null, null, null, null, null));
    assertEquals("'-x,,,,,\r\n", one("-x", null, null, null, null, null));
    assertEquals("'@SUM(A1),,,,,\r\n", one("@SUM(A1)", null, null, null, null, null));
    assertEquals("a=b,,,,,\r\n", one("a=b", null, null, null, null, null));
    // a joined array is text too
    assertEquals(",,,,'=x; y,\r\n", one(null, null, null, null, new String[] {"=x", "y"}, null));
  }

  @Test
  void rfc4180QuotingOfCommasQuotesAndLineBreaks() {
    assertEquals("\"a,b\",,,,,\r\n", one("a,b", null, null, null, null, null));
    assertEquals("\"say \"\"hi\"\"\",,,,,\r\n", one("say \"hi\"", null, null, null, null, null));
    assertEquals("\"two\nlines\",,,,,\r\n", one("two\nlines", null, null, null, null, null));
    // guard first, then quote: '@evil, "x"' becomes "'@evil, ""x"""
    assertEquals(
        "\"'@evil, \"\"x\"\"\",,,,,\r\n", one("@evil, \"x\"", null, null, null, null, null));
  }

  @Test
  void arraysTimestampsAndDecimals() {
    assertEquals(
        ",0.0002,,2025-02-06T13:00:00Z,t1; t2; t3,\r\n",
        one(
            null,
            2.0E-4,
            null,
            Timestamp.from(Instant.parse("2025-02-06T13:00:00Z")),
            new String[] {"t1", "t2", "t3"},
            null));
    assertEquals(
        ",12345678901234567000,,,,\r\n", one(null, 1.2345678901234567E19, null, null, null, null));
    assertEquals(",,,,,\r\n", one(null, Double.NaN, null, null, null, null));
    assertEquals(",,,,,\r\n", one(null, null, null, null, new String[0], null));
  }

  @Test
  void markdownCellsKeepPipesLiteral() {
    assertEquals("a\\|b c", SummaryMarkdown.escape("a|b\nc"));
    // HTML and Markdown syntax in a source name stay text
    assertEquals(
        "&lt;script&gt;alert('x')&lt;/script&gt; Herald",
        SummaryMarkdown.escape("<script>alert('x')</script> Herald"));
    assertEquals(
        "\\*bold\\* \\_it\\_ \\`c\\` \\[l\\](u) a &amp; b \\\\",
        SummaryMarkdown.escape("*bold* _it_ `c` [l](u) a & b \\"));
    assertEquals("0.123", SummaryMarkdown.num(0.12345, 3));
    assertEquals("n/a", SummaryMarkdown.num(null, 3));
  }
}

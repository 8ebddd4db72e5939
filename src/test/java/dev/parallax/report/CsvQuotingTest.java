package dev.parallax.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Edge cases of the quoting rule that commons-csv's MINIMAL mode would have decided otherwise. */
class CsvQuotingTest {
  static final StructType SCHEMA =
      new StructType().add("a", DataTypes.StringType).add("b", DataTypes.StringType);

  static String body(String a, String b) {
    String csv = Csv.render(SCHEMA, List.of(RowFactory.create(a, b)));
    return csv.substring(csv.indexOf("\r\n") + 2);
  }

  @Test
  void onlyCommaQuoteAndLineBreaksAreQuoted() {
    assertEquals("#tag, x \r\n", body("#tag", " x "));
    assertEquals("!bang,\"x\ny\"\r\n", body("!bang", "x\ny"));
    assertEquals(",\r\n", body("", ""));
    assertEquals("\"a\"\"b\",\"c,d\"\r\n", body("a\"b", "c,d"));
  }

  @Test
  void tabAndCarriageReturnAtTheStartAreGuardedAndCrIsQuoted() {
    assertEquals("'\tx,\"'\rx\"\r\n", body("\tx", "\rx"));
  }

  @Test
  void sqlCsvIsTheReportCsv() throws Exception {
    List<Row> rows = List.of(RowFactory.create("=1", "a,b"), RowFactory.create(null, "x"));
    StringWriter out = new StringWriter();
    QueryOutput.write(SCHEMA, rows.iterator(), QueryOutput.Format.CSV, out);
    assertEquals(Csv.render(SCHEMA, rows), out.toString());
    assertEquals("a,b\r\n'=1,\"a,b\"\r\n,x\r\n", out.toString());
  }
}

package dev.parallax.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * CSV as RFC 4180 describes it: UTF-8, CRLF line ends, a header row, fields quoted (and inner
 * quotes doubled) when they hold a comma, quote, CR or LF. Written with commons-csv; the report's
 * CSV files and {@code parallax sql --format csv} both come through {@link #write}.
 *
 * <p>Cell text: null is empty; arrays are joined with {@value #ARRAY_SEPARATOR}; timestamps are
 * ISO-8601 instants in UTC ({@code 2025-02-06T13:00:00Z}); doubles are plain decimals without
 * exponent ({@code 0.0001}), NaN and infinities empty. Text cells (strings and joined arrays) that
 * start with {@code = + - @}, a tab or a carriage return get a leading single quote, so a
 * spreadsheet shows them instead of evaluating them as a formula; numbers are written by this code,
 * never from input text, and stay unquoted so negative values remain numbers.
 *
 * <p>Which fields are quoted is decided here ({@link #needsQuotes}), not by commons-csv's {@code
 * QuoteMode.MINIMAL}: that mode also quotes fields that start with a character up to {@code #} (a
 * space, {@code !}, {@code #}), end in whitespace or are an empty first field, and the files keep
 * the narrower rule above. commons-csv writes each field, quoted ({@code QuoteMode.ALL}, quotes
 * doubled) or as it is, with the delimiters and record separators.
 */
final class Csv {
  private Csv() {}

  static final String ARRAY_SEPARATOR = "; ";

  /** RFC 4180 with every field it prints quoted. */
  private static final CSVFormat QUOTED =
      CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).build();

  /** RFC 4180 printing fields as they are: only for fields that {@link #needsQuotes} rejects. */
  private static final CSVFormat PLAIN = CSVFormat.RFC4180.builder().setQuote(null).build();

  /** The whole file: header and rows, columns in schema order. */
  static String render(StructType schema, List<Row> rows) {
    StringBuilder out = new StringBuilder();
    try {
      write(schema, rows.iterator(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not throw
    }
    return out.toString();
  }

  /** Writes the header and the rows, columns in schema order, streaming. */
  static void write(StructType schema, Iterator<Row> rows, Appendable out) throws IOException {
    StructField[] fields = schema.fields();
    String[] cells = new String[fields.length];
    for (int i = 0; i < fields.length; i++) {
      cells[i] = fields[i].name();
    }
    record(cells, out);
    while (rows.hasNext()) {
      Row r = rows.next();
      for (int i = 0; i < fields.length; i++) {
        cells[i] = cell(r, i, fields[i]);
      }
      record(cells, out);
    }
  }

  private static void record(String[] cells, Appendable out) throws IOException {
    for (int i = 0; i < cells.length; i++) {
      (needsQuotes(cells[i]) ? QUOTED : PLAIN).print(cells[i], out, i == 0);
    }
    QUOTED.println(out);
  }

  /** The text of one value, before quoting. */
  static String cell(Row r, int i, StructField f) {
    if (r.isNullAt(i)) {
      return "";
    }
    if (f.dataType() instanceof ArrayType) {
      Object v = r.get(i);
      List<?> items =
          v instanceof Object[] a
              ? java.util.Arrays.asList(a)
              : v instanceof List<?> l ? l : r.getList(i);
      return guard(
          items.stream()
              .map(x -> x == null ? "" : String.valueOf(x))
              .collect(Collectors.joining(ARRAY_SEPARATOR)));
    }
    return value(r.get(i));
  }

  static String value(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof String s) {
      return guard(s);
    }
    if (v instanceof Double || v instanceof Float) {
      return decimal(((Number) v).doubleValue());
    }
    if (v instanceof Timestamp t) {
      return t.toInstant().toString();
    }
    if (v instanceof Instant t) {
      return t.toString();
    }
    if (v instanceof Number
        || v instanceof Boolean
        || v instanceof java.sql.Date
        || v instanceof java.time.LocalDate) {
      return v.toString();
    }
    return guard(v.toString());
  }

  /** Shortest text that reads back as the same double, without exponent; empty for NaN. */
  static String decimal(double d) {
    if (!Double.isFinite(d)) {
      return "";
    }
    String s = Double.toString(d);
    return s.indexOf('E') < 0 ? s : new BigDecimal(s).stripTrailingZeros().toPlainString();
  }

  /** Prefixes text a spreadsheet would evaluate as a formula with a single quote. */
  static String guard(String s) {
    if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      return "'" + s;
    }
    return s;
  }

  /** True when RFC 4180 requires the field quoted: it holds a comma, quote, CR or LF. */
  static boolean needsQuotes(String s) {
    return s.indexOf(',') >= 0
        || s.indexOf('"') >= 0
        || s.indexOf('\r') >= 0
        || s.indexOf('\n') >= 0;
  }
}

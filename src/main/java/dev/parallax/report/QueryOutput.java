package dev.parallax.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A query result as text, in one of three formats ({@link Format}). Values render the same way in
 * all of them: timestamps as ISO-8601 instants in UTC ({@code 2025-02-06T13:00:00Z}), dates as
 * {@code YYYY-MM-DD}, doubles as the shortest decimal that reads back as the same value, without
 * exponent.
 */
public final class QueryOutput {
  private QueryOutput() {}

  /** Widest cell of the aligned table, in characters, the ellipsis included. */
  static final int MAX_CELL = 60;

  private static final String NULL = "NULL";

  /** The output formats of {@code parallax sql}. */
  public enum Format {
    /**
     * Aligned text table for reading: a header, a rule, one line per row and a {@code (N rows)}
     * line; numbers right-aligned, cells longer than {@value QueryOutput#MAX_CELL} characters cut
     * with {@code …}, arrays as {@code [a, b]}, structs as {@code {name: value}}, null as {@code
     * NULL}, line breaks and tabs as {@code \n}, {@code \r}, {@code \t}.
     */
    TABLE,
    /**
     * RFC 4180 CSV exactly as the report CSV files ({@link Csv}): CRLF, header row, quoting when
     * needed, null empty, arrays joined with {@code "; "}, formula-like text prefixed with {@code
     * '}.
     */
    CSV,
    /**
     * JSON Lines: one object per row, keys in column order, null kept, arrays as JSON arrays,
     * structs and maps as objects, NaN and infinities as null.
     */
    JSON
  }

  /** Writes the rows in the format; TABLE holds every row in memory, the others stream. */
  public static void write(StructType schema, Iterator<Row> rows, Format format, Writer out)
      throws IOException {
    switch (format) {
      case TABLE -> out.write(table(schema, rows));
      case CSV -> Csv.write(schema, rows, out);
      case JSON -> json(schema, rows, out);
      default -> throw new IllegalArgumentException(String.valueOf(format));
    }
  }

  static String table(StructType schema, Iterator<Row> rows) {
    StructField[] fields = schema.fields();
    int n = fields.length;
    boolean[] right = new boolean[n];
    int[] width = new int[n];
    String[] header = new String[n];
    for (int i = 0; i < n; i++) {
      right[i] = fields[i].dataType() instanceof NumericType;
      header[i] = fit(fields[i].name());
      width[i] = length(header[i]);
    }
    List<String[]> lines = new ArrayList<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      String[] cells = new String[n];
      for (int i = 0; i < n; i++) {
        cells[i] = fit(r.isNullAt(i) ? NULL : text(r.get(i)));
        width[i] = Math.max(width[i], length(cells[i]));
      }
      lines.add(cells);
    }
    StringBuilder out = new StringBuilder();
    line(out, header, width, right);
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < n; i++) {
      rule.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
    }
    out.append(rule).append('\n');
    for (String[] cells : lines) {
      line(out, cells, width, right);
    }
    out.append('(')
        .append(lines.size())
        .append(lines.size() == 1 ? " row)" : " rows)")
        .append('\n');
    return out.toString();
  }

  private static void line(StringBuilder out, String[] cells, int[] width, boolean[] right) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      String pad = " ".repeat(width[i] - length(cells[i]));
      b.append(i == 0 ? "" : " | ").append(right[i] ? pad + cells[i] : cells[i] + pad);
    }
    out.append(b.toString().stripTrailing()).append('\n');
  }

  private static int length(String s) {
    return s.codePointCount(0, s.length());
  }

  /** The cell cut to {@value #MAX_CELL} characters, the last of them an ellipsis. */
  static String fit(String s) {
    if (length(s) <= MAX_CELL) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, MAX_CELL - 1)) + "…";
  }

  /** One value of the aligned table, before cutting. */
  static String text(Object v) {
    if (v == null) {
      return NULL;
    }
    if (v instanceof String s) {
      return escape(s);
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      return Double.isFinite(d) ? Csv.decimal(d) : String.valueOf(d);
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof Timestamp t) {
      return t.toInstant().toString();
    }
    if (v instanceof Row r) {
      StringBuilder b = new StringBuilder("{");
      for (int i = 0; i < r.length(); i++) {
        String name = r.schema() == null ? String.valueOf(i) : r.schema().fields()[i].name();
        b.append(i == 0 ? "" : ", ").append(name).append(": ").append(text(r.get(i)));
      }
      return b.append('}').toString();
    }
    if (v instanceof scala.collection.Map<?, ?> m) {
      StringBuilder b = new StringBuilder("{");
      boolean first = true;
      for (Map.Entry<?, ?> e : scala.collection.JavaConverters.mapAsJavaMap(m).entrySet()) {
        b.append(first ? "" : ", ")
            .append(text(e.getKey()))
            .append(": ")
            .append(text(e.getValue()));
        first = false;
      }
      return b.append('}').toString();
    }
    List<?> items = items(v);
    if (items != null) {
      StringBuilder b = new StringBuilder("[");
      for (int i = 0; i < items.size(); i++) {
        b.append(i == 0 ? "" : ", ").append(text(items.get(i)));
      }
      return b.append(']').toString();
    }
    if (v instanceof byte[] bytes) {
      return "0x" + java.util.HexFormat.of().formatHex(bytes);
    }
    return escape(v.toString());
  }

  /** The elements of an array value (Scala Seq, Java list or array), or null for other values. */
  private static List<?> items(Object v) {
    if (v instanceof scala.collection.Seq<?> s) {
      return scala.collection.JavaConverters.seqAsJavaList(s);
    }
    if (v instanceof List<?> l) {
      return l;
    }
    if (v instanceof Object[] a) {
      return java.util.Arrays.asList(a);
    }
    return null;
  }

  /** Line breaks, tabs and other control characters as escapes, so a row stays on one line. */
  static String escape(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String rep =
          switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default ->
                Character.isISOControl(c) ? String.format(Locale.ROOT, "\\u%04x", (int) c) : null;
          };
      if (rep != null && b == null) {
        b = new StringBuilder(s.substring(0, i));
      }
      if (b != null) {
        b.append(rep != null ? rep : String.valueOf(c));
      }
    }
    return b == null ? s : b.toString();
  }

  static void json(StructType schema, Iterator<Row> rows, Writer out) throws IOException {
    JsonGenerator g = new JsonFactory().createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.setRootValueSeparator(null);
    String[] names = schema.fieldNames();
    while (rows.hasNext()) {
      Row r = rows.next();
      g.writeStartObject();
      for (int i = 0; i < names.length; i++) {
        g.writeFieldName(names[i]);
        jsonValue(g, r.isNullAt(i) ? null : r.get(i));
      }
      g.writeEndObject();
      g.flush();
      out.write('\n');
    }
    g.flush();
  }

  private static void jsonValue(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isFinite(d)) {
        g.writeNumber(d);
      } else {
        g.writeNull();
      }
    } else if (v instanceof BigDecimal d) {
      g.writeNumber(d);
    } else if (v instanceof Long
        || v instanceof Integer
        || v instanceof Short
        || v instanceof Byte) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof Timestamp t) {
      g.writeString(t.toInstant().toString());
    } else if (v instanceof Instant t) {
      g.writeString(t.toString());
    } else if (v instanceof byte[] bytes) {
      g.writeBinary(bytes);
    } else if (v instanceof Row r) {
      g.writeStartObject();
      for (int i = 0; i < r.length(); i++) {
        g.writeFieldName(r.schema() == null ? String.valueOf(i) : r.schema().fields()[i].name());
        jsonValue(g, r.isNullAt(i) ? null : r.get(i));
      }
      g.writeEndObject();
    } else if (v instanceof scala.collection.Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : scala.collection.JavaConverters.mapAsJavaMap(m).entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        jsonValue(g, e.getValue());
      }
      g.writeEndObject();
    } else if (items(v) != null) {
      g.writeStartArray();
      for (Object x : items(v)) {
        jsonValue(g, x);
      }
      g.writeEndArray();
    } else {
      g.writeString(v.toString());
    }
  }
}

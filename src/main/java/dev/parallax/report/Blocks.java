package dev.parallax.report;

import java.awt.Color;
import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * The pieces every section of report.html is made of: the "how to read this" box, stat tiles, the
 * numbers table beside each chart, colour-swatch cells, and the value formats of the page.
 */
final class Blocks {
  private Blocks() {}

  /** One table cell's content, written into the page. */
  @FunctionalInterface
  interface Cell {
    void write(HtmlBuilder h);

    /** Escaped text. */
    static Cell text(String text) {
      return h -> h.text(text);
    }

    /** Escaped text in an element: {@code <tag …>text</tag>}. */
    static Cell element(String tag, String text, String... attributes) {
      return h -> h.element(tag, text, attributes);
    }

    /** This cell, then {@code next}. */
    default Cell then(Cell next) {
      return h -> {
        write(h);
        next.write(h);
      };
    }
  }

  static void howTo(HtmlBuilder h, String authoredHtml) {
    h.open("div", "class", "howto")
        .element("b", "How to read this.", "class", "howto-title")
        .text(" ")
        .markup(authoredHtml)
        .close("div")
        .nl();
  }

  /** A paragraph of class {@code cls} holding text. */
  static void paragraph(HtmlBuilder h, String cls, String text) {
    h.element("p", text, "class", cls).nl();
  }

  static void stat(HtmlBuilder h, long v, String label) {
    h.open("div", "class", "stat")
        .element("b", Html.count(v))
        .element("span", label)
        .close("div")
        .nl();
  }

  /**
   * A table. {@code kinds} has one letter per column: {@code n} number (right-aligned), {@code k} a
   * key such as a source name (kept on one line), {@code t} text (wraps).
   *
   * @param name the table's {@code data-table} value
   */
  static void table(
      HtmlBuilder h, String name, List<String> head, String kinds, List<Cell[]> rows) {
    h.open("div", "class", "table").open("table", "data-table", name).nl().open("thead").open("tr");
    for (int i = 0; i < head.size(); i++) {
      if (kinds.charAt(i) == 'n') {
        h.element("th", head.get(i), "class", "num");
      } else {
        h.element("th", head.get(i));
      }
    }
    h.close("tr").close("thead").nl().open("tbody").nl();
    for (Cell[] r : rows) {
      h.open("tr");
      for (int i = 0; i < r.length; i++) {
        char k = kinds.charAt(i);
        if (k == 'n') {
          h.open("td", "class", "num");
        } else if (k == 'k') {
          h.open("td", "class", "key");
        } else {
          h.open("td");
        }
        r[i].write(h);
        h.close("td");
      }
      h.close("tr").nl();
    }
    h.close("tbody").close("table").close("div").nl();
  }

  /** The content with its palette colour behind, as an inline-styled span; NaN: no colour. */
  static Cell heat(double v, Palette palette, Cell content) {
    if (Double.isNaN(v)) {
      return content;
    }
    Color bg = palette.color(v);
    String style = "background:" + Palette.hex(bg) + ";color:" + Palette.hex(Palette.textOn(bg));
    return h -> {
      h.open("span", "class", "swatch", "style", style);
      content.write(h);
      h.close("span");
    };
  }

  /** A tone with three decimals and sign, on its tone colour. */
  static Cell tone(double v, Palette tone) {
    return heat(v, tone, Cell.text(Html.signed(v, 3)));
  }

  /**
   * A source's name with its language beside it, muted: {@code name (ja)}; the name alone when the
   * language is unknown (null).
   */
  static Cell source(String name, String language) {
    Cell c = Cell.text(name);
    return language == null
        ? c
        : c.then(Cell.text(" ")).then(Cell.element("span", "(" + language + ")", "class", "muted"));
  }

  /** A string column; null when it is null or the row has no such column (an older table). */
  static String str(Row r, String col) {
    if (r.schema() == null || !java.util.Arrays.asList(r.schema().fieldNames()).contains(col)) {
      return null;
    }
    Object v = r.getAs(col);
    return v == null ? null : v.toString();
  }

  static String pValue(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    return v < 0.0001 ? "<0.0001" : Html.num(v, 4);
  }

  /** A timestamp as {@code YYYY-MM-DD HH:MM} in UTC; other values as text, null as a dash. */
  static String date(Object v) {
    if (v instanceof Timestamp t) {
      String s = t.toInstant().toString();
      return s.substring(0, Math.min(16, s.length())).replace('T', ' ');
    }
    return v == null ? "–" : v.toString();
  }

  static String plural(long n, String one, String many) {
    return Html.count(n) + " " + (n == 1 ? one : many);
  }

  /** A share as a percentage: 0.95 is {@code 95%}. */
  static String pct(double share) {
    return fmt(share * 100) + "%";
  }

  /** A setting as written: whole numbers without decimals, others to at most six. */
  static String fmt(double v) {
    double r = Math.rint(v * 1e6) / 1e6;
    return r == Math.rint(r) ? String.valueOf((long) r) : String.valueOf(r);
  }

  /** [lo, hi] rounded out to multiples of 0.25, with a little room; a bound at 0 stays there. */
  static double[] padded(double lo, double hi) {
    double l = lo < 0 ? Math.floor((lo - 0.02) / 0.25) * 0.25 : 0;
    double u = hi > 0 ? Math.ceil((hi + 0.02) / 0.25) * 0.25 : 0;
    return new double[] {l, u == l ? l + 0.25 : u};
  }

  /** Tick spacing of a tone axis over {@code range}. */
  static double tick(double[] range) {
    return range[1] - range[0] > 1.01 ? 0.25 : 0.1;
  }

  static double finiteOr(double v, double fallback) {
    return Double.isFinite(v) ? v : fallback;
  }

  /** A numeric column as a double; NaN when null or not a number. */
  static double dbl(Row r, String col) {
    Object v = r.getAs(col);
    return v instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  /** A numeric column as a long; 0 when null, not a number or not in the row (an older table). */
  static long lngIf(Row r, String col) {
    return str(r, col) == null ? 0 : lng(r, col);
  }

  /** A numeric column as a long; 0 when null or not a number. */
  static long lng(Row r, String col) {
    Object v = r.getAs(col);
    return v instanceof Number n ? n.longValue() : 0;
  }
}

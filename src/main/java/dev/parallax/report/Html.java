package dev.parallax.report;

import java.util.Locale;

/** Text to HTML: the escaping every corpus string goes through, and number formats. */
final class Html {
  private Html() {}

  /**
   * The text as HTML character data or a double-quoted attribute value: {@code & < > " '} become
   * entities, so no input can open a tag, end an attribute or start an entity. Null is empty.
   * Control characters other than tab, LF and CR are dropped (they are not allowed in HTML).
   */
  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if ((c >= 0x20 && c != 0x7f) || c == '\t' || c == '\n' || c == '\r') {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** The value with {@code decimals} decimals ({@code Locale.ROOT}), or an en dash when absent. */
  static String num(Object v, int decimals) {
    if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
      return "–";
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", n.doubleValue());
  }

  /** A signed value: a leading + for positive numbers, a true minus sign for negative ones. */
  static String signed(Object v, int decimals) {
    String s = num(v, decimals);
    if (s.equals("–")) {
      return s;
    }
    double shown = Double.parseDouble(s);
    if (shown == 0) {
      return num(0.0, decimals);
    }
    return shown < 0 ? "−" + s.substring(1) : "+" + s;
  }

  /** A whole number with thousands separators (12,345). */
  static String count(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }
}

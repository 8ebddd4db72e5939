package dev.parallax.ingest;

import java.text.Normalizer;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Normalises article text: HTML entities decoded, Unicode NFC, line endings and horizontal
 * whitespace folded, control characters dropped, paragraphs kept as blank-line breaks. Typography
 * (curly quotes, dashes) is kept: the NLP stage reads it.
 */
public final class TextNormaliser {
  private static final Pattern ENTITY =
      Pattern.compile("&(#\\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]{1,31});");

  private TextNormaliser() {}

  /**
   * The normalised form of {@code raw}; null stays null. In order: HTML entities decoded (when
   * there are any), Unicode NFC, CR LF / CR / U+2028 / U+2029 to LF, control characters other than
   * LF and tab and the zero-width characters U+200B-U+200D, U+2060, U+FEFF removed, each run of
   * horizontal whitespace ({@link #isHorizontalSpace}) to one space, spaces at the start and end of
   * lines removed, three or more line breaks to two, and the result stripped. The steps after NFC
   * are one pass over the text ({@link #fold}).
   */
  public static String normalise(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw;
    if (ENTITY.matcher(s).find()) {
      s = Parser.unescapeEntities(s, false);
    }
    s = Normalizer.normalize(s, Normalizer.Form.NFC);
    return fold(s).strip();
  }

  /**
   * Line endings, control characters, horizontal whitespace, line-edge spaces and blank-line runs,
   * in one pass: the same result as the regular expressions {@code [\p{Cc}&&[^\n\t]]|[
   * \u200B\u200C\u200D\u2060\uFEFF]} → "", horizontal-space runs → " ", {@code (?m)^ +| +$} → ""
   * and {@code \n{3,}} → "\n\n" applied in turn after the line endings are made LF, which made a
   * new string at every space of the text (TextNormaliserTest compares the two).
   */
  static String fold(String s) {
    int n = s.length();
    StringBuilder out = new StringBuilder(n);
    boolean space = false;
    int breaks = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\r') {
        if (i + 1 < n && s.charAt(i + 1) == '\n') {
          i++;
        }
        c = '\n';
      } else if (c == '\u2028' || c == '\u2029') {
        c = '\n';
      }
      if (c == '\n') {
        space = false;
        if (++breaks <= 2) {
          out.append('\n');
        }
      } else if (isHorizontalSpace(c)) {
        space = true;
      } else if (!isRemoved(c)) {
        if (space && out.length() > 0 && breaks == 0) {
          out.append(' ');
        }
        space = false;
        breaks = 0;
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Tab, space, no-break space and the other horizontal spaces that fold to one space. */
  static boolean isHorizontalSpace(char c) {
    return c == ' '
        || c == '\t'
        || c == '\u00A0'
        || c == '\u1680'
        || (c >= '\u2000' && c <= '\u200A')
        || c == '\u202F'
        || c == '\u205F'
        || c == '\u3000';
  }

  /** Control characters (except LF and tab, handled before) and zero-width characters. */
  static boolean isRemoved(char c) {
    return Character.getType(c) == Character.CONTROL
        || c == '\u200B'
        || c == '\u200C'
        || c == '\u200D'
        || c == '\u2060'
        || c == '\uFEFF';
  }

  /** A short single-line form for titles, sources and other metadata. */
  public static String normaliseLine(String raw) {
    String s = normalise(raw);
    return s == null ? null : s.replace('\n', ' ').replaceAll(" {2,}", " ");
  }
}

package dev.parallax.ingest;

import java.text.Normalizer;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Normalises article text: HTML entities decoded, Unicode NFC, line endings and horizontal
 * whitespace folded, control characters dropped, paragraphs kept as blank-line breaks.
 * Typography (curly quotes, dashes) is kept: the NLP stage reads it.
 */
public final class TextNormaliser {
  private static final Pattern HSPACE = Pattern.compile("[\\t\\x0B\\f\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000 ]+");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\u200B\\u200C\\u200D\\u2060\\uFEFF]");
  private static final Pattern LINE_EDGES = Pattern.compile("(?m)^ +| +$");
  private static final Pattern MANY_BREAKS = Pattern.compile("\\n{3,}");
  private static final Pattern ENTITY = Pattern.compile("&(#\\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]{1,31});");

  private TextNormaliser() {}

  /** The normalised form of {@code raw}; null stays null. */
  public static String normalise(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw;
    if (ENTITY.matcher(s).find()) {
      s = Parser.unescapeEntities(s, false);
    }
    s = Normalizer.normalize(s, Normalizer.Form.NFC);
    s = s.replace("\r\n", "\n").replace('\r', '\n').replace('\u2028', '\n').replace('\u2029', '\n');
    s = CONTROL.matcher(s).replaceAll("");
    s = HSPACE.matcher(s).replaceAll(" ");
    s = LINE_EDGES.matcher(s).replaceAll("");
    s = MANY_BREAKS.matcher(s).replaceAll("\n\n");
    return s.strip();
  }

  /** A short single-line form for titles, sources and other metadata. */
  public static String normaliseLine(String raw) {
    String s = normalise(raw);
    return s == null ? null : s.replace('\n', ' ').replaceAll(" {2,}", " ");
  }
}

package dev.parallax.nlp.voice;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Immutable, Serializable. The speakers map ({@code data/lexicons/speakers.tsv}): aliases as
 * written in news text to a canonical speaker with affiliation, country and type.
 */
public final class SpeakerMap implements Serializable {
  private static final long serialVersionUID = 1L;

  static final String HEADER = "alias\tcanonical\taffiliation\tcountry\ttype";

  private final Map<String, Speaker> byAlias;

  private SpeakerMap(Map<String, Speaker> byAlias) {
    this.byAlias = Map.copyOf(byAlias);
  }

  /** A map without aliases: every speaker stays as written, with no canonical name. */
  public static SpeakerMap empty() {
    return new SpeakerMap(Map.of());
  }

  /**
   * Parses the file: '#' comment lines and blank lines skipped, then the header line {@value
   * #HEADER}, then one alias per line.
   *
   * @throws IllegalArgumentException naming file and line for a malformed line
   */
  public static SpeakerMap parse(String name, String content) {
    Map<String, Speaker> out = new HashMap<>();
    boolean header = false;
    int lineNo = 0;
    for (String line : content.split("\n", -1)) {
      lineNo++;
      String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      if (l.isBlank() || l.startsWith("#")) {
        continue;
      }
      if (!header) {
        if (!l.equals(HEADER)) {
          throw new IllegalArgumentException(
              name
                  + ":"
                  + lineNo
                  + ": expected the header line '"
                  + HEADER.replace("\t", "<TAB>")
                  + "'");
        }
        header = true;
        continue;
      }
      String[] c = l.split("\t", -1);
      if (c.length != 5 || c[0].isBlank() || c[1].isBlank()) {
        throw new IllegalArgumentException(
            name + ":" + lineNo + ": expected 5 tab-separated columns with alias and canonical");
      }
      out.put(key(c[0]), new Speaker(c[1].strip(), c[2].strip(), c[3].strip(), c[4].strip()));
    }
    return new SpeakerMap(out);
  }

  /** The canonical speaker of a speaker as written, or null when no alias matches. */
  public Speaker lookup(String written) {
    return written == null ? null : byAlias.get(key(written));
  }

  /** Number of aliases. */
  public int aliases() {
    return byAlias.size();
  }

  static String key(String s) {
    return s.strip().replace('’', '\'').toLowerCase(Locale.ROOT);
  }
}

package dev.parallax.nlp;

import dev.parallax.config.ConfigException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Epistemic stance markers (Hyland 2005): hedges, boosters, attitude markers and self-mentions,
 * matched on lowercased surface tokens, longest match first, without overlaps.
 *
 * <p>Two guards against the commonest false positives in news: a capitalised single-word marker
 * that is not the sentence's first token is a name, not a marker ("in May", "Will Smith"); and the
 * all-capitals token "US" is the country, never the pronoun.
 */
public final class StanceMarkers implements Serializable {
  /** Marker categories, in the order of {@link #count}'s result. */
  public static final List<String> CATEGORIES =
      List.of("hedge", "booster", "attitude", "self_mention");

  /** Positions in {@link #count}'s result. */
  static final int HEDGES = CATEGORIES.indexOf("hedge");

  static final int BOOSTERS = CATEGORIES.indexOf("booster");
  static final int ATTITUDE = CATEGORIES.indexOf("attitude");
  static final int SELF_MENTIONS = CATEGORIES.indexOf("self_mention");

  private final Map<String, List<Entry>> byFirstToken;
  private final String version;

  @SuppressWarnings("ArrayRecordComponent") // a hot-path lookup value, never compared or hashed
  private record Entry(String[] tokens, int category) implements Serializable {}

  private StanceMarkers(Map<String, List<Entry>> byFirstToken, String version) {
    this.byFirstToken = byFirstToken;
    this.version = version;
  }

  public String version() {
    return version;
  }

  /**
   * Parses the TSV (category, marker, note); problems are {@link ConfigException}s with the line.
   */
  public static StanceMarkers parse(String name, String content) {
    LexiconTsv tsv = LexiconTsv.parse("stance lexicon", name, content, "category\tmarker\tnote");
    Map<String, List<Entry>> map = new HashMap<>();
    Set<String> seen = new HashSet<>();
    for (LexiconTsv.Line row : tsv.rows()) {
      String where = LexiconTsv.where("stance lexicon", name, row.number());
      String[] cols = row.columns();
      if (cols.length < 2 || cols.length > 3) {
        throw new ConfigException(
            where + " has " + cols.length + " columns, expected 3 (category, marker, note)");
      }
      int cat = CATEGORIES.indexOf(cols[0].strip());
      if (cat < 0) {
        throw new ConfigException(
            where + ": category '" + cols[0].strip() + "' is not one of " + CATEGORIES);
      }
      String[] toks = tokens(cols[1]);
      if (toks.length == 0) {
        throw new ConfigException(where + ": empty marker");
      }
      if (seen.add(cat + "\t" + String.join(" ", toks))) {
        map.computeIfAbsent(toks[0], k -> new ArrayList<>()).add(new Entry(toks, cat));
      }
    }
    for (List<Entry> l : map.values()) {
      l.sort((a, b) -> Integer.compare(b.tokens().length, a.tokens().length));
    }
    return new StanceMarkers(map, tsv.version());
  }

  /** Lowercase form used for matching: curly apostrophes folded to straight ones. */
  static String fold(String token) {
    return token.toLowerCase(Locale.ROOT).replace('’', '\'').replace('‘', '\'');
  }

  private static String[] tokens(String marker) {
    String m = fold(marker.strip());
    return m.isEmpty() ? new String[0] : m.split("\\s+");
  }

  /**
   * Counts markers per category in one sentence.
   *
   * @param surface the sentence's tokens as written
   * @return counts in {@link #CATEGORIES} order
   */
  public long[] count(List<String> surface) {
    long[] counts = new long[CATEGORIES.size()];
    int n = surface.size();
    String[] folded = new String[n];
    for (int i = 0; i < n; i++) {
      folded[i] = fold(surface.get(i));
    }
    int i = 0;
    while (i < n) {
      List<Entry> candidates = byFirstToken.get(folded[i]);
      int matched = 0;
      if (candidates != null) {
        for (Entry e : candidates) {
          int len = e.tokens().length;
          if (i + len > n || !matches(e.tokens(), folded, i)) {
            continue;
          }
          if (len == 1 && isNameLike(surface.get(i), i, e.category())) {
            continue;
          }
          counts[e.category()]++;
          matched = len;
          break;
        }
      }
      i += Math.max(1, matched);
    }
    return counts;
  }

  private static boolean matches(String[] marker, String[] folded, int at) {
    for (int k = 0; k < marker.length; k++) {
      if (!marker[k].equals(folded[at + k])) {
        return false;
      }
    }
    return true;
  }

  private static boolean isNameLike(String token, int position, int category) {
    if (token.equals("US") || token.equals("U.S")) {
      return true;
    }
    if (token.equals("I") && category == CATEGORIES.indexOf("self_mention")) {
      return false;
    }
    return position > 0 && !token.isEmpty() && Character.isUpperCase(token.charAt(0));
  }
}

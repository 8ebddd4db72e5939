package dev.parallax.nlp.voice;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Immutable, Serializable. The speakers map ({@code data/lexicons/speakers.tsv}): aliases as
 * written in news text to a canonical speaker with affiliation, country and type.
 *
 * <p>{@link #lookup} finds the longest alias contained in a speaker as written: Latin-script
 * aliases as whole words, case-insensitively ("Japanese Prime Minister Shigeru Ishiba" contains
 * "Shigeru Ishiba"); aliases with Han, kana or Hangul characters anywhere (those languages do not
 * separate words with spaces).
 */
public final class SpeakerMap implements Serializable {
  private static final long serialVersionUID = 1L;

  static final String HEADER = "alias\tcanonical\taffiliation\tcountry\ttype";

  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final Map<String, Speaker> byAlias;

  /** Longest Latin alias, in words. */
  private final int maxWords;

  /** Keys of the aliases with CJK characters, longest first. */
  private final List<String> cjkAliases;

  private SpeakerMap(Map<String, Speaker> byAlias) {
    this.byAlias = Map.copyOf(byAlias);
    int words = 1;
    List<String> cjk = new ArrayList<>();
    for (String alias : byAlias.keySet()) {
      if (hasCjk(alias)) {
        cjk.add(alias);
      } else {
        words = Math.max(words, SPACES.split(alias).length);
      }
    }
    cjk.sort(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s));
    this.maxWords = words;
    this.cjkAliases = List.copyOf(cjk);
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

  /**
   * The canonical speaker of a speaker as written: the speaker of the longest alias it contains
   * (whole words for Latin-script aliases, anywhere for CJK ones), persons before other types, or
   * null when none matches.
   */
  public Speaker lookup(String written) {
    if (written == null || written.isBlank()) {
      return null;
    }
    String k = key(written);
    Speaker exact = byAlias.get(k);
    if (exact != null) {
      return exact;
    }
    // All aliases contained; a person wins over a body ("Foreign Ministry spokesperson Lin Jian"
    // is Lin Jian, not the ministry), then the longer alias.
    List<String> hits = new ArrayList<>();
    String[] words = SPACES.split(k);
    for (int i = 0; i < words.length; i++) {
      words[i] = trimPunct(words[i]);
    }
    for (int n = Math.min(maxWords, words.length); n >= 1; n--) {
      for (int start = 0; start + n <= words.length; start++) {
        String gram = String.join(" ", java.util.Arrays.asList(words).subList(start, start + n));
        if (byAlias.containsKey(gram)) {
          hits.add(gram);
        }
      }
    }
    if (hasCjk(k)) {
      for (String alias : cjkAliases) {
        if (k.contains(alias)) {
          hits.add(alias);
        }
      }
    }
    String best = null;
    for (String h : hits) {
      if (best == null || better(h, best)) {
        best = h;
      }
    }
    return best == null ? null : byAlias.get(best);
  }

  /**
   * The last person of the map named in {@code text} before {@code end} (Latin aliases as whole
   * words, CJK aliases anywhere), or null.
   */
  Speaker lastPersonBefore(String text, int end) {
    String k =
        text.substring(0, Math.min(end, text.length())).replace('’', '\'').toLowerCase(Locale.ROOT);
    Speaker best = null;
    int bestAt = -1;
    java.util.regex.Matcher w = WORD.matcher(k);
    List<int[]> spans = new ArrayList<>();
    while (w.find()) {
      spans.add(new int[] {w.start(), w.end()});
    }
    for (int i = 0; i < spans.size(); i++) {
      for (int n = Math.min(maxWords, spans.size() - i); n >= 1; n--) {
        StringBuilder gram = new StringBuilder();
        for (int j = i; j < i + n; j++) {
          if (j > i) {
            gram.append(' ');
          }
          gram.append(trimPunct(k.substring(spans.get(j)[0], spans.get(j)[1])));
        }
        Speaker s = byAlias.get(gram.toString());
        if (s != null && "person".equals(s.type())) {
          if (spans.get(i)[0] > bestAt) {
            best = s;
            bestAt = spans.get(i)[0];
          }
          break;
        }
      }
    }
    if (hasCjk(k)) {
      for (String alias : cjkAliases) {
        Speaker s = byAlias.get(alias);
        int at = k.lastIndexOf(alias);
        if (at > bestAt && "person".equals(s.type())) {
          best = s;
          bestAt = at;
        }
      }
    }
    return best;
  }

  private static final Pattern WORD = Pattern.compile("[^\\s]+");

  private boolean better(String a, String b) {
    boolean pa = "person".equals(byAlias.get(a).type());
    boolean pb = "person".equals(byAlias.get(b).type());
    if (pa != pb) {
      return pa;
    }
    return a.length() > b.length();
  }

  /** Whether {@code s} has a Han, kana or Hangul character. */
  static boolean hasCjk(String s) {
    for (int i = 0; i < s.length(); i++) {
      Character.UnicodeScript sc = Character.UnicodeScript.of(s.charAt(i));
      if (sc == Character.UnicodeScript.HAN
          || sc == Character.UnicodeScript.HIRAGANA
          || sc == Character.UnicodeScript.KATAKANA
          || sc == Character.UnicodeScript.HANGUL) {
        return true;
      }
    }
    return false;
  }

  private static String trimPunct(String w) {
    int b = 0;
    int e = w.length();
    while (b < e && ",;:\"“”()[]".indexOf(w.charAt(b)) >= 0) {
      b++;
    }
    while (e > b && ",;:\"“”()[]".indexOf(w.charAt(e - 1)) >= 0) {
      e--;
    }
    return w.substring(b, e);
  }

  /** Number of aliases. */
  public int aliases() {
    return byAlias.size();
  }

  static String key(String s) {
    return SPACES.matcher(s.strip().replace('’', '\'')).replaceAll(" ").toLowerCase(Locale.ROOT);
  }
}

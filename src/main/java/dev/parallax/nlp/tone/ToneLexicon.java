package dev.parallax.nlp.tone;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Immutable, Serializable. Word valences (VADER scale −4..+4) and multi-word domain phrases.
 *
 * <p>Keys are compared with tokens lowercased (Locale.ROOT) and with ’ mapped to '. VADER entries
 * keep their spelling as in the file, so an entry with capitals (some emoticons) never matches, as
 * in the reference implementation. Domain entries override VADER entries with the same term.
 * Besides the domain phrases, the phrase table holds VADER's special-case idioms ("yeah right",
 * "kiss of death", …) and every hyphenated entry, so that "win-win" also matches when a tokenizer
 * splits it into "win", "-", "win".
 */
public final class ToneLexicon implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");
  private static final double MAX_VALENCE = 4.0;
  private static final double AFINN_MAX = 5.0;

  /** AFINN's −5..+5 to VADER's −4..+4. */
  static final double AFINN_TO_VADER = 0.8;

  private static final String DOMAIN_HEADER = "term\tvalence\trationale";

  private final Map<String, Double> vader;
  private final Map<String, Double> domainWords;
  private final List<Phrase> domainPhrases;

  /**
   * Whether the news rules apply: capitalised names score 0 ({@link Names}), a negated negative is
   * a weak positive, and "not rule out X" keeps X's sign. On with a domain lexicon, off for plain
   * VADER.
   */
  final boolean newsRules;

  /**
   * The second lexicon whose score is averaged with this one's: AFINN-165 with the same domain
   * entries and rules, or null for this lexicon alone.
   */
  final ToneLexicon second;

  /** VADER with the domain words laid over it. */
  private final HashMap<String, Double> words;

  /** Everything the scorer needs to know about a lowercase key, in one lookup. */
  private final Map<String, Entry> entries;

  /** Where a phrase-table entry comes from, for explanations. */
  enum Origin {
    DOMAIN("domain phrase"),
    VADER_IDIOM("VADER idiom"),
    VADER_HYPHENATED("VADER word");

    final String label;

    Origin(String label) {
      this.label = label;
    }
  }

  /**
   * A sequence of atoms matched on consecutive tokens. Atoms are the space-separated words of the
   * term, with every '-' split off as an atom of its own.
   */
  static final class Phrase implements Serializable {
    private static final long serialVersionUID = 1L;

    final String term;
    final String[] atoms;
    final double valence;
    final Origin origin;

    Phrase(String term, double valence, Origin origin) {
      this.term = term;
      this.atoms = atoms(term);
      this.valence = valence;
      this.origin = origin;
    }
  }

  /**
   * What a lowercase key is: a scored word, a booster, a negation, the start of phrases; any of
   * these.
   */
  static final class Entry implements Serializable {
    private static final long serialVersionUID = 1L;

    /** NaN if the key has no valence entry. */
    final double valence;

    final boolean domain;

    /** 0 unless the key is a booster (+) or dampener (−) without a domain entry of its own. */
    final double booster;

    final boolean negation;

    /** Phrases whose first atom is the key, longest first, domain before built-in; null if none. */
    final Phrase[] phrases;

    Entry(double valence, boolean domain, double booster, boolean negation, Phrase[] phrases) {
      this.valence = valence;
      this.domain = domain;
      this.booster = booster;
      this.negation = negation;
      this.phrases = phrases;
    }
  }

  private ToneLexicon(
      Map<String, Double> vader,
      Map<String, Double> domainWords,
      List<Phrase> domainPhrases,
      boolean newsRules,
      ToneLexicon second) {
    this.vader = vader;
    this.domainWords = domainWords;
    this.domainPhrases = domainPhrases;
    this.newsRules = newsRules;
    this.second = second;
    this.words = new HashMap<>(vader);
    this.words.putAll(domainWords);
    this.entries = entries(words, domainWords, indexPhrases(vader, domainWords, domainPhrases));
  }

  /**
   * Parses the VADER lexicon (token&lt;TAB&gt;mean&lt;TAB&gt;sd&lt;TAB&gt;ratings; the first two
   * columns are used; blank lines are skipped; a token listed twice keeps its last value, as in
   * VADER) and the domain lexicon (lines starting with '#' are comments, blank lines are skipped;
   * then a header line "term&lt;TAB&gt;valence&lt;TAB&gt;rationale"; then
   * term&lt;TAB&gt;valence&lt;TAB&gt;rationale, the term lowercase, possibly several words
   * separated by single spaces, each term at most once). Valences must be plain decimal numbers
   * within −4..4. Neither reader is closed.
   *
   * @param vaderName used in error messages
   * @param domainName used in error messages
   * @param domain the domain lexicon, or null for none
   * @throws IllegalArgumentException for a malformed line, with a one-line message naming the
   *     source and the line number, e.g. "tone lexicon data/lexicons/tone_domain.tsv: line 12 has 2
   *     columns, expected 3"
   */
  public static ToneLexicon parse(String vaderName, Reader vader, String domainName, Reader domain)
      throws IOException {
    Map<String, Double> vaderWords = parseVader(vaderName, vader);
    Map<String, Double> domainWords = new HashMap<>();
    List<Phrase> phrases = new ArrayList<>();
    if (domain != null) {
      parseDomain(domainName, domain, domainWords, phrases);
    }
    return new ToneLexicon(
        Map.copyOf(vaderWords),
        Map.copyOf(domainWords),
        List.copyOf(phrases),
        domain != null,
        null);
  }

  /**
   * This lexicon, scored as the equal-weight mean of itself and a second run of the same rules over
   * AFINN-165 (Nielsen 2011): AFINN's integer valences −5..+5 scaled by 0.8 to VADER's −4..+4, with
   * this lexicon's domain entries laid over them as over VADER. The AFINN file has {@code
   * word<TAB>valence} lines; lines starting with '#' and blank lines are skipped; entries with a
   * space (30 multi-word entries such as "not good", which the rules already cover) are left out.
   *
   * @param name used in error messages
   * @throws IllegalArgumentException for a malformed line, naming the source and line number
   */
  public ToneLexicon withAfinn(String name, Reader afinn) throws IOException {
    Map<String, Double> words = new HashMap<>();
    BufferedReader in = new BufferedReader(afinn);
    int lineNo = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNo++;
      if (lineNo == 1) {
        line = stripBom(line);
      }
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      if (cols.length != 2) {
        throw error(name, lineNo, " has " + columns(cols.length) + ", expected 2");
      }
      double v = Double.parseDouble(valenceText(name, lineNo, cols[1], AFINN_MAX));
      if (cols[0].isEmpty()) {
        throw error(name, lineNo, ": token is empty");
      }
      if (cols[0].indexOf(' ') < 0) {
        words.put(cols[0], v * AFINN_TO_VADER);
      }
    }
    if (words.isEmpty()) {
      throw error(name, lineNo, ": no entries found");
    }
    ToneLexicon afinnRun =
        new ToneLexicon(Map.copyOf(words), domainWords, domainPhrases, newsRules, null);
    return new ToneLexicon(vader, domainWords, domainPhrases, newsRules, afinnRun);
  }

  /** Same lexicon with no domain entries, news rules or second lexicon: plain VADER. */
  public ToneLexicon withoutDomain() {
    return new ToneLexicon(vader, Map.of(), List.of(), false, null);
  }

  /** Whether scores are the mean of VADER's and AFINN-165's runs ({@link #withAfinn}). */
  public boolean averagesAfinn() {
    return second != null;
  }

  /**
   * The number of single-word entries: VADER's tokens plus the domain's one-word terms VADER lacks.
   */
  public int size() {
    return words.size();
  }

  /** The number of multi-word domain entries. */
  public int phraseCount() {
    return domainPhrases.size();
  }

  /** The valence of a single-word key, NaN if there is no entry. */
  double valence(String key) {
    Double v = words.get(key);
    return v == null ? Double.NaN : v;
  }

  /** The entry of a lowercase key, null if the key plays no part. */
  Entry entry(String key) {
    return entries.get(key);
  }

  /** VADER's own valence for the key, NaN if VADER has none. */
  double vaderValence(String key) {
    Double v = vader.get(key);
    return v == null ? Double.NaN : v;
  }

  private static Map<String, Entry> entries(
      Map<String, Double> words, Map<String, Double> domainWords, Map<String, Phrase[]> phrases) {
    List<String> keys = new ArrayList<>(words.keySet());
    keys.addAll(VaderRules.BOOSTERS.keySet());
    keys.addAll(VaderRules.NEGATE);
    keys.addAll(phrases.keySet());
    HashMap<String, Entry> map = new HashMap<>();
    for (String key : keys) {
      Double v = words.get(key);
      boolean domain = domainWords.containsKey(key);
      map.put(
          key,
          new Entry(
              v == null ? Double.NaN : v,
              domain,
              domain ? 0.0 : VaderRules.boosterScalar(key),
              VaderRules.negates(key),
              phrases.get(key)));
    }
    return map;
  }

  private static Map<String, Phrase[]> indexPhrases(
      Map<String, Double> vader, Map<String, Double> domainWords, List<Phrase> domainPhrases) {
    Map<String, Phrase> byTerm = new LinkedHashMap<>();
    VaderRules.IDIOMS.forEach(
        (term, v) -> byTerm.put(term, new Phrase(term, v, Origin.VADER_IDIOM)));
    vader.forEach(
        (term, v) -> {
          if (isSplittableVaderWord(term)) {
            byTerm.put(term, new Phrase(term, v, Origin.VADER_HYPHENATED));
          }
        });
    domainWords.forEach(
        (term, v) -> {
          if (term.indexOf('-') >= 0 && term.length() > 1) {
            byTerm.put(term, new Phrase(term, v, Origin.DOMAIN));
          }
        });
    for (Phrase p : domainPhrases) {
      byTerm.put(p.term, p);
    }
    Map<String, List<Phrase>> grouped = new HashMap<>();
    for (Phrase p : byTerm.values()) {
      grouped.computeIfAbsent(p.atoms[0], k -> new ArrayList<>()).add(p);
    }
    Comparator<Phrase> longestFirst =
        Comparator.<Phrase>comparingInt(p -> -p.atoms.length)
            .thenComparingInt(p -> p.origin == Origin.DOMAIN ? 0 : 1)
            .thenComparing(p -> p.term);
    HashMap<String, Phrase[]> index = new HashMap<>();
    grouped.forEach(
        (atom, list) -> {
          list.sort(longestFirst);
          index.put(atom, list.toArray(new Phrase[0]));
        });
    return index;
  }

  /**
   * A hyphenated VADER entry made of words ("cover-up", "short-sighted"), not an emoticon ("x-d")
   * or a spaced entry ("fed up", which VADER's whitespace tokenizer can never produce either).
   */
  private static boolean isSplittableVaderWord(String term) {
    if (term.length() < 5 || term.indexOf('-') <= 0 || term.endsWith("-")) {
      return false;
    }
    for (int i = 0; i < term.length(); i++) {
      char c = term.charAt(i);
      if (c != '-' && !Character.isLetter(c)) {
        return false;
      }
      if (c == '-' && term.charAt(i - 1) == '-') {
        return false;
      }
    }
    return true;
  }

  static String[] atoms(String term) {
    List<String> atoms = new ArrayList<>();
    for (String word : term.split(" ", -1)) {
      int start = 0;
      for (int i = 0; i < word.length(); i++) {
        if (word.charAt(i) == '-') {
          if (i > start) {
            atoms.add(word.substring(start, i));
          }
          atoms.add("-");
          start = i + 1;
        }
      }
      if (start < word.length()) {
        atoms.add(word.substring(start));
      }
    }
    return atoms.toArray(new String[0]);
  }

  private static Map<String, Double> parseVader(String name, Reader reader) throws IOException {
    Map<String, Double> map = new HashMap<>();
    BufferedReader in = new BufferedReader(reader);
    int lineNo = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNo++;
      if (lineNo == 1) {
        line = stripBom(line);
      }
      String trimmed = line.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      String[] cols = trimmed.split("\t", -1);
      if (cols.length < 2) {
        throw error(name, lineNo, " has " + columns(cols.length) + ", expected at least 2");
      }
      if (cols[0].isEmpty()) {
        throw error(name, lineNo, ": token is empty");
      }
      map.put(cols[0], valence(name, lineNo, cols[1]));
    }
    return map;
  }

  private static void parseDomain(
      String name, Reader reader, Map<String, Double> words, List<Phrase> phrases)
      throws IOException {
    Map<String, Integer> firstLine = new HashMap<>();
    BufferedReader in = new BufferedReader(reader);
    boolean headerSeen = false;
    int lineNo = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNo++;
      if (lineNo == 1) {
        line = stripBom(line);
      }
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      if (!headerSeen) {
        if (!isDomainHeader(cols)) {
          throw error(name, lineNo, ": expected the header line 'term<TAB>valence<TAB>rationale'");
        }
        headerSeen = true;
        continue;
      }
      if (cols.length != 3) {
        throw error(name, lineNo, " has " + columns(cols.length) + ", expected 3");
      }
      String term = cols[0].replace('\u2019', '\'');
      checkTerm(name, lineNo, term);
      double v = valence(name, lineNo, cols[1]);
      Integer earlier = firstLine.putIfAbsent(term, lineNo);
      if (earlier != null) {
        throw error(name, lineNo, ": term '" + term + "' is already defined on line " + earlier);
      }
      if (term.indexOf(' ') >= 0) {
        phrases.add(new Phrase(term, v, Origin.DOMAIN));
      } else {
        words.put(term, v);
      }
    }
    if (!headerSeen) {
      throw error(name, lineNo, ": missing the header line 'term<TAB>valence<TAB>rationale'");
    }
  }

  private static boolean isDomainHeader(String[] cols) {
    return cols.length == 3
        && String.join("\t", cols[0].strip(), cols[1].strip(), cols[2].strip())
            .toLowerCase(Locale.ROOT)
            .equals(DOMAIN_HEADER);
  }

  private static void checkTerm(String name, int lineNo, String term) {
    if (term.isBlank()) {
      throw error(name, lineNo, ": term is empty");
    }
    if (!term.equals(term.toLowerCase(Locale.ROOT))) {
      throw error(name, lineNo, ": term '" + quote(term) + "' is not lowercase");
    }
    if (term.startsWith(" ")
        || term.endsWith(" ")
        || term.contains("  ")
        || term.chars().anyMatch(c -> Character.isWhitespace(c) && c != ' ')) {
      throw error(
          name, lineNo, ": term '" + quote(term) + "' must be words separated by single spaces");
    }
  }

  private static double valence(String name, int lineNo, String text) {
    return Double.parseDouble(valenceText(name, lineNo, text, MAX_VALENCE));
  }

  private static String valenceText(String name, int lineNo, String text, double max) {
    String s = text.strip().replace('\u2212', '-');
    if (!NUMBER.matcher(s).matches()) {
      throw error(name, lineNo, ": valence '" + quote(text) + "' is not a number");
    }
    double v = Double.parseDouble(s);
    if (Math.abs(v) > max) {
      throw error(name, lineNo, ": valence " + s + " is outside -" + (int) max + ".." + (int) max);
    }
    return s;
  }

  private static String stripBom(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }

  private static String columns(int n) {
    return n == 1 ? "1 column" : n + " columns";
  }

  private static String quote(String text) {
    String oneLine = text.replace('\t', ' ');
    return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 40) + "…";
  }

  private static IllegalArgumentException error(String name, int lineNo, String detail) {
    return new IllegalArgumentException("tone lexicon " + name + ": line " + lineNo + detail);
  }
}

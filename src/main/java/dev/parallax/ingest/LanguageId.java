package dev.parallax.ingest;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import dev.parallax.config.ConfigKeys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Identifies an article's language from its text, among a fixed set of candidate languages (ISO
 * 639-1 codes), with Lingua in low-accuracy mode.
 *
 * <p>How a text is read, in order:
 *
 * <ol>
 *   <li>One pass over the whole text counts its letters by script. Han, hiragana, katakana and
 *       Hangul characters weigh {@value #CJK_LETTER_WEIGHT} letters each (one such character
 *       carries about what a short Latin word piece does), so thresholds and majorities mean the
 *       same amount of text in every script.
 *   <li>Fewer than {@value #MIN_LETTERS} weighted letters: too short to identify. The result is the
 *       declared language (null when none was declared), no confidence, and a warning.
 *   <li>The script group with the most weighted letters is the text's script; a mixed-language
 *       article (an English report quoting a Japanese sentence) is read as its majority. Another
 *       script with at least {@value #MINORITY_WARN_SHARE} of the letters adds a warning.
 *   <li>No candidate is written in that script (Thai or Georgian when neither is a candidate):
 *       language null and a warning, never a guess.
 *   <li>Exactly one candidate is written in it (Hangul: ko; Tamil: ta; Devanagari: hi with the
 *       default set): that language, confidence 1. Han and kana (ja, zh) are told apart by kana: at
 *       least {@value #KANA_SHARE_FOR_JAPANESE} of the Han and kana letters in kana is Japanese,
 *       otherwise Chinese (a Chinese report with one katakana name stays Chinese). These are the
 *       rules Lingua itself applies to those scripts; applying them here saves its fixed cost of
 *       about 0.1 ms a call.
 *   <li>Otherwise (Latin script: en, fr, de, es, pt, vi, id by default) a sample of the text is
 *       read: {@value #SAMPLE_WINDOWS} windows of about {@value #WINDOW_CHARS} characters spread
 *       evenly over the text, cut at spaces, letters of other scripts blanked. When English is a
 *       candidate and at least {@value #ENGLISH_MARKER_SHARE} of the sampled words (and at least
 *       {@value #ENGLISH_MIN_MARKERS}) are English function words that the other Latin-script
 *       candidates do not use ("the", "and", "of", "which", ...; news prose has about a fifth), the
 *       text is English, confidence 1: Lingua costs about 0.25 ms a call whatever the sample (its
 *       script rules test every word against every alphabet), several times the budget for the
 *       language most corpora are mostly in. Otherwise Lingua, restricted to the candidates of that
 *       script, reads the sample. Lingua's cost grows with the text (about 1 µs a character) and
 *       its low-accuracy mode is reliable from about 120 characters, so the sample bounds the cost
 *       without hurting accuracy. Lingua 1.2 reports the best language as 1.0 and every other one
 *       relative to it; the confidence here is the best language's relative margin over the
 *       runner-up, {@code min(1, (1 - runnerUp) / }{@value #FULL_CONFIDENCE_MARGIN}{@code )}. A
 *       confidence below {@value #MIN_CONFIDENCE} (the two nearly tie, as Dutch does between
 *       English and German) is not a language: null and a warning.
 *   <li>A detected language that differs from the declared one adds a warning; the detected one
 *       wins.
 * </ol>
 *
 * <p>A Latin-script language outside the candidate set is reported as the nearest candidate when it
 * is not close to two of them: add it to the candidate set to have it recognised.
 *
 * <p>Instances are shared: {@link #forCandidates} keeps one per candidate set and JVM, built on
 * first use (Lingua's detector is not serializable and loads its models lazily, about a second per
 * script on first use). Ship the candidate codes to Spark tasks and call {@link #forCandidates}
 * there. {@link #identify} is safe to call from concurrent tasks (Lingua's model maps are static
 * and guarded by a lock that every n-gram lookup takes, another reason to read a bounded sample).
 */
// Letter counts are arrays indexed by Script.ordinal(): one increment per code point, no boxing.
@SuppressWarnings("EnumOrdinal")
public final class LanguageId {

  /**
   * The candidate languages when the configuration names none (ISO 639-1): the default of {@code
   * languages.detect}.
   */
  public static final List<String> DEFAULT_CANDIDATES = ConfigKeys.DEFAULT_DETECT_LANGUAGES;

  /** Weighted letters below which a text is too short to identify. */
  public static final int MIN_LETTERS = 40;

  static final int CJK_LETTER_WEIGHT = 3;
  static final double MINORITY_WARN_SHARE = 0.05;
  static final double KANA_SHARE_FOR_JAPANESE = 0.05;
  static final int SAMPLE_WINDOWS = 4;
  static final int WINDOW_CHARS = 50;
  static final double FULL_CONFIDENCE_MARGIN = 0.10;
  static final double ENGLISH_MARKER_SHARE = 0.12;
  static final int ENGLISH_MIN_MARKERS = 4;

  /**
   * Frequent English function words that are not words of the other default Latin-script candidates
   * (no "in", "an", "was", "will", "die", "to": German, Vietnamese and Dutch have them).
   */
  static final Set<String> ENGLISH_MARKERS =
      Set.of(
          "the", "and", "of", "that", "with", "for", "which", "this", "have", "has", "from",
          "would", "their", "they", "said", "been", "were", "is", "are", "by", "not", "its");

  static final double MIN_CONFIDENCE = 0.2;

  private static final Map<Set<String>, LanguageId> SHARED = new ConcurrentHashMap<>();

  private final Set<String> candidates;

  /** Candidates per script group, in candidate order. */
  private final Map<Script, List<Language>> byScript;

  /** A Lingua detector per script group with two or more candidates. */
  private final Map<Script, LanguageDetector> detectors;

  private final boolean englishGate;

  private LanguageId(Set<String> candidates) {
    this(candidates, true);
  }

  /** With {@code englishGate} false, English text goes through Lingua too (for measurements). */
  LanguageId(Set<String> candidates, boolean englishGate) {
    this.candidates = Set.copyOf(candidates);
    this.englishGate = englishGate && candidates.contains("en");
    Map<Script, List<Language>> groups = new EnumMap<>(Script.class);
    for (String code : candidates) {
      Language language = linguaLanguage(code);
      for (Script script : Script.of(language)) {
        groups.computeIfAbsent(script, s -> new ArrayList<>()).add(language);
      }
    }
    byScript = groups;
    detectors = new EnumMap<>(Script.class);
    for (Map.Entry<Script, List<Language>> e : groups.entrySet()) {
      if (e.getValue().size() > 1 && e.getKey() != Script.CJK) {
        detectors.put(
            e.getKey(),
            LanguageDetectorBuilder.fromLanguages(e.getValue().toArray(new Language[0]))
                .withLowAccuracyMode()
                .build());
      }
    }
  }

  /**
   * The shared identifier for these candidate ISO 639-1 codes (case-insensitive, order and repeats
   * ignored).
   *
   * @throws IllegalArgumentException when the set is empty or a code is not a language Lingua
   *     knows, naming the code
   */
  public static LanguageId forCandidates(Collection<String> isoCodes) {
    if (isoCodes == null || isoCodes.isEmpty()) {
      throw new IllegalArgumentException(
          "languages.detect: no candidate language; name at least one ISO 639-1 code, e.g. "
              + String.join(",", DEFAULT_CANDIDATES));
    }
    Set<String> codes = new TreeSet<>();
    for (String code : isoCodes) {
      String c = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
      linguaLanguage(c);
      codes.add(c);
    }
    return SHARED.computeIfAbsent(codes, LanguageId::new);
  }

  /** The candidate codes this identifier chooses among. */
  public Set<String> candidates() {
    return candidates;
  }

  /**
   * The language of {@code text} (see the class comment for the rules).
   *
   * @param text the article text; null reads as empty
   * @param declared the language the input declared, any case, a region or script subtag allowed
   *     ("pt-BR", "zh_Hant"); null or blank when none
   */
  public DetectedLanguage identify(String text, String declared) {
    String decl = normaliseDeclared(declared);
    ScriptCounts counts = ScriptCounts.of(text == null ? "" : text);
    List<String> warnings = new ArrayList<>(2);
    if (counts.total < MIN_LETTERS) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "language: text too short to identify (%d letters, at least %d needed; Han, kana and"
                  + " Hangul count %d each); kept the declared language %s",
              counts.total,
              MIN_LETTERS,
              CJK_LETTER_WEIGHT,
              decl == null ? "(none)" : decl));
      return new DetectedLanguage(decl, decl, null, warnings);
    }
    Script script = counts.majority();
    for (Script other : Script.values()) {
      if (other != script
          && counts.weighted[other.ordinal()] >= MINORITY_WARN_SHARE * counts.total) {
        warnings.add(
            String.format(
                Locale.ROOT,
                "language: mixed scripts, %.0f%% of the letters are %s; the language is that of"
                    + " the %s majority",
                100.0 * counts.weighted[other.ordinal()] / counts.total,
                other.label,
                script.label));
      }
    }
    List<Language> inScript = byScript.get(script);
    String language;
    double confidence;
    if (inScript == null) {
      warnings.add(
          "language: cannot identify a text written mostly in "
              + script.label
              + (script == Script.OTHER ? " (" + counts.otherScriptName() + ")" : "")
              + "; no candidate language uses it (languages.detect: "
              + String.join(",", candidates)
              + ")");
      return new DetectedLanguage(null, decl, null, warnings);
    } else if (script == Script.CJK && inScript.size() > 1) {
      double kanaShare = (double) counts.kana / counts.weighted[Script.CJK.ordinal()];
      language = kanaShare >= KANA_SHARE_FOR_JAPANESE ? "ja" : "zh";
      confidence = 1.0;
    } else if (inScript.size() == 1) {
      language = isoCode(inScript.get(0));
      confidence = 1.0;
    } else {
      String sample = sample(text, script);
      if (englishGate && script == Script.LATIN && readsAsEnglish(sample)) {
        language = "en";
        confidence = 1.0;
      } else {
        SortedMap<Language, Double> values =
            detectors.get(script).computeLanguageConfidenceValues(sample);
        Iterator<Map.Entry<Language, Double>> it = values.entrySet().iterator();
        if (!it.hasNext()) {
          warnings.add("language: the detector could not place the text among " + names(inScript));
          return new DetectedLanguage(null, decl, null, warnings);
        }
        Language best = it.next().getKey();
        Map.Entry<Language, Double> second = it.hasNext() ? it.next() : null;
        double margin = second == null ? 1.0 : 1.0 - second.getValue();
        confidence = Math.min(1.0, Math.max(0.0, margin / FULL_CONFIDENCE_MARGIN));
        if (confidence < MIN_CONFIDENCE) {
          warnings.add(
              String.format(
                  Locale.ROOT,
                  "language: cannot tell %s from %s (confidence %.2f, at least %.2f needed); it may"
                      + " be a language outside languages.detect",
                  isoCode(best),
                  isoCode(second.getKey()),
                  confidence,
                  MIN_CONFIDENCE));
          return new DetectedLanguage(null, decl, confidence, warnings);
        }
        language = isoCode(best);
      }
    }
    if (decl != null && !decl.equals(language)) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "language: declared %s but the text reads as %s (confidence %.2f); using %s",
              decl,
              language,
              confidence,
              language));
    }
    return new DetectedLanguage(language, decl, confidence, warnings);
  }

  /**
   * Whether at least {@link #ENGLISH_MARKER_SHARE} of the words of {@code sample}, and at least
   * {@link #ENGLISH_MIN_MARKERS}, are {@link #ENGLISH_MARKERS}.
   */
  static boolean readsAsEnglish(String sample) {
    int words = 0;
    int markers = 0;
    int n = sample.length();
    for (int i = 0; i < n; ) {
      while (i < n && sample.charAt(i) == ' ') {
        i++;
      }
      int begin = i;
      while (i < n && sample.charAt(i) != ' ') {
        i++;
      }
      if (i > begin) {
        words++;
        if (i - begin <= 5
            && ENGLISH_MARKERS.contains(sample.substring(begin, i).toLowerCase(Locale.ROOT))) {
          markers++;
        }
      }
    }
    return markers >= ENGLISH_MIN_MARKERS && markers >= ENGLISH_MARKER_SHARE * words;
  }

  /**
   * The primary subtag of a declared language tag, lower case ("pt-BR" → "pt"); null when blank.
   */
  static String normaliseDeclared(String declared) {
    if (declared == null || declared.isBlank()) {
      return null;
    }
    String s = declared.strip().toLowerCase(Locale.ROOT);
    int cut = 0;
    while (cut < s.length() && s.charAt(cut) != '-' && s.charAt(cut) != '_') {
      cut++;
    }
    return s.substring(0, cut);
  }

  /**
   * Up to {@link #SAMPLE_WINDOWS} windows of about {@link #WINDOW_CHARS} chars, evenly spread over
   * {@code text}, each widened to whole words; letters of other scripts and non-letters become
   * spaces. The whole text when it is shorter than the windows together.
   */
  static String sample(String text, Script script) {
    int n = text.length();
    StringBuilder out = new StringBuilder(SAMPLE_WINDOWS * (WINDOW_CHARS + 20));
    if (n <= SAMPLE_WINDOWS * WINDOW_CHARS * 2) {
      appendFiltered(text, 0, n, script, out);
      return out.toString();
    }
    int stride = n / SAMPLE_WINDOWS;
    for (int w = 0; w < SAMPLE_WINDOWS; w++) {
      int begin = w * stride + (stride - WINDOW_CHARS) / 2;
      while (begin > 0 && !Character.isWhitespace(text.charAt(begin - 1))) {
        begin--;
      }
      int end = Math.min(n, begin + WINDOW_CHARS);
      while (end < n && !Character.isWhitespace(text.charAt(end))) {
        end++;
      }
      appendFiltered(text, begin, end, script, out);
      out.append(' ');
    }
    return out.toString();
  }

  private static void appendFiltered(
      String text, int begin, int end, Script script, StringBuilder out) {
    for (int i = begin; i < end; ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      boolean keep = cp == '\'' || cp == '\u2019' || cp == '-' || Script.ofLetter(cp) == script;
      if (keep) {
        out.appendCodePoint(cp);
      } else if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
        out.append(' ');
      }
    }
  }

  private static Language linguaLanguage(String code) {
    IsoCode639_1 iso = null;
    for (IsoCode639_1 v : IsoCode639_1.values()) {
      if (v.name().equalsIgnoreCase(code)) {
        iso = v;
      }
    }
    Language language = iso == null ? null : Language.getByIsoCode639_1(iso);
    if (language == null || language == Language.UNKNOWN) {
      throw new IllegalArgumentException(
          "languages.detect: '"
              + code
              + "' is not an ISO 639-1 code of a language the detector"
              + " knows (Lingua 1.2); e.g. "
              + String.join(",", DEFAULT_CANDIDATES));
    }
    return language;
  }

  private static String isoCode(Language language) {
    return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
  }

  private static String names(List<Language> languages) {
    List<String> codes = new ArrayList<>();
    for (Language l : languages) {
      codes.add(isoCode(l));
    }
    return String.join(",", codes);
  }
}

package dev.parallax.nlp;

import dev.parallax.config.ConfigException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The theme taxonomy (data/lexicons/themes.tsv): theme id, label, parent frame of the Policy Frames
 * Codebook, and the phrases that signal the theme, per language.
 *
 * <p>A row has four columns (English phrases) or five, the fifth naming the phrases' language
 * ({@code en} when absent or empty). A theme's first row defines its label and frame; later rows of
 * the same theme add the phrases of another language and repeat label and frame unchanged.
 */
public record ThemeTaxonomy(String version, List<Theme> themes) implements Serializable {

  /** The 15 frames of the Policy Frames Codebook (Boydstun et al. 2014), as ids. */
  public static final List<String> FRAMES =
      List.of(
          "economic",
          "capacity_and_resources",
          "morality",
          "fairness_and_equality",
          "legality",
          "policy_prescription",
          "crime_and_punishment",
          "security_and_defence",
          "health_and_safety",
          "quality_of_life",
          "cultural_identity",
          "public_opinion",
          "political",
          "external_regulation_and_reputation",
          "other");

  /** The language of a row without a language column. */
  public static final String ENGLISH = "en";

  /** Languages whose phrases the annotator matches: English and the CJK profiles. */
  public static final Set<String> LANGUAGES = Set.of(ENGLISH, "ja", "zh", "ko");

  /**
   * One theme.
   *
   * @param phrases English phrases, lowercase, as written in the file (may be empty when the theme
   *     only has phrases in other languages)
   * @param otherPhrases phrases of other languages by ISO 639-1 code, lowercase, in file order
   */
  public record Theme(
      String id,
      String label,
      String frame,
      List<String> phrases,
      Map<String, List<String>> otherPhrases)
      implements Serializable {

    /** A theme with English phrases only. */
    public Theme(String id, String label, String frame, List<String> phrases) {
      this(id, label, frame, phrases, Map.of());
    }

    /** The theme's phrases in {@code language}; empty when it has none there. */
    public List<String> phrases(String language) {
      return ENGLISH.equals(language) ? phrases : otherPhrases.getOrDefault(language, List.of());
    }
  }

  /** Languages with at least one phrase, sorted. */
  public Set<String> languages() {
    TreeSet<String> out = new TreeSet<>();
    for (Theme t : themes) {
      if (!t.phrases().isEmpty()) {
        out.add(ENGLISH);
      }
      out.addAll(t.otherPhrases().keySet());
    }
    return out;
  }

  /** Parses the TSV; every problem is a {@link ConfigException} naming the file and line. */
  public static ThemeTaxonomy parse(String name, String content) {
    LexiconTsv tsv =
        LexiconTsv.parse(
            "theme lexicon", name, content, "theme_id\tlabel\tframe\tphrases\tlanguage");
    Map<String, Draft> drafts = new LinkedHashMap<>();
    for (LexiconTsv.Line row : tsv.rows()) {
      String where = LexiconTsv.where("theme lexicon", name, row.number());
      String[] cols = row.columns();
      if (cols.length != 4 && cols.length != 5) {
        throw new ConfigException(
            where
                + " has "
                + cols.length
                + " columns, expected 4 or 5 (theme_id, label, frame, phrases[, language])");
      }
      String id = cols[0].strip();
      if (!id.matches("[a-z][a-z0-9_]*")) {
        throw new ConfigException(where + ": theme id '" + id + "' must be lowercase snake_case");
      }
      String frame = cols[2].strip();
      if (!FRAMES.contains(frame)) {
        throw new ConfigException(where + ": frame '" + frame + "' is not one of " + FRAMES);
      }
      String language = cols.length == 5 && !cols[4].isBlank() ? cols[4].strip() : ENGLISH;
      if (!LANGUAGES.contains(language)) {
        throw new ConfigException(
            where
                + ": language '"
                + language
                + "' has no profile; use one of "
                + new TreeSet<>(LANGUAGES));
      }
      List<String> phrases = new ArrayList<>();
      for (String p : cols[3].split("\\|", -1)) {
        if (!p.isBlank()) {
          phrases.add(p.strip().toLowerCase(Locale.ROOT));
        }
      }
      if (phrases.isEmpty()) {
        throw new ConfigException(where + ": theme '" + id + "' has no phrases");
      }
      Draft d = drafts.get(id);
      if (d == null) {
        d = new Draft(cols[1].strip(), frame);
        drafts.put(id, d);
      } else if (!d.label.equals(cols[1].strip()) || !d.frame.equals(frame)) {
        throw new ConfigException(
            where
                + ": theme '"
                + id
                + "' has label and frame '"
                + d.label
                + "', '"
                + d.frame
                + "' on an earlier line; repeat them unchanged");
      }
      if (d.phrases.put(language, List.copyOf(phrases)) != null) {
        throw new ConfigException(
            where + ": theme id '" + id + "' appears twice for language " + language);
      }
    }
    if (drafts.isEmpty()) {
      throw new ConfigException("theme lexicon " + name + ": no themes found");
    }
    List<Theme> themes = new ArrayList<>();
    for (Map.Entry<String, Draft> e : drafts.entrySet()) {
      Draft d = e.getValue();
      Map<String, List<String>> other = new LinkedHashMap<>(d.phrases);
      List<String> english = other.remove(ENGLISH);
      themes.add(
          new Theme(
              e.getKey(),
              d.label,
              d.frame,
              english == null ? List.of() : english,
              java.util.Collections.unmodifiableMap(other)));
    }
    return new ThemeTaxonomy(tsv.version(), List.copyOf(themes));
  }

  /** A theme while its rows are read. */
  private static final class Draft {
    final String label;
    final String frame;
    final Map<String, List<String>> phrases = new LinkedHashMap<>();

    Draft(String label, String frame) {
      this.label = label;
      this.frame = frame;
    }
  }
}

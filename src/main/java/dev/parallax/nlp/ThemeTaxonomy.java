package dev.parallax.nlp;

import dev.parallax.config.ConfigException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The theme taxonomy (data/lexicons/themes.tsv): theme id, label, parent frame of the Policy Frames
 * Codebook, and the phrases that signal the theme.
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

  /** One theme: phrases are lowercase, as written in the file. */
  public record Theme(String id, String label, String frame, List<String> phrases)
      implements Serializable {}

  /** Parses the TSV; every problem is a {@link ConfigException} naming the file and line. */
  public static ThemeTaxonomy parse(String name, String content) {
    LexiconTsv tsv =
        LexiconTsv.parse("theme lexicon", name, content, "theme_id\tlabel\tframe\tphrases");
    List<Theme> themes = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    for (LexiconTsv.Line row : tsv.rows()) {
      String where = LexiconTsv.where("theme lexicon", name, row.number());
      String[] cols = row.columns();
      if (cols.length != 4) {
        throw new ConfigException(
            where
                + " has "
                + cols.length
                + " columns, expected 4 (theme_id, label, frame, phrases)");
      }
      String id = cols[0].strip();
      if (!id.matches("[a-z][a-z0-9_]*")) {
        throw new ConfigException(where + ": theme id '" + id + "' must be lowercase snake_case");
      }
      if (!ids.add(id)) {
        throw new ConfigException(where + ": theme id '" + id + "' appears twice");
      }
      String frame = cols[2].strip();
      if (!FRAMES.contains(frame)) {
        throw new ConfigException(where + ": frame '" + frame + "' is not one of " + FRAMES);
      }
      List<String> phrases = new ArrayList<>();
      for (String p : cols[3].split("\\|", -1)) {
        if (!p.isBlank()) {
          phrases.add(p.strip().toLowerCase(java.util.Locale.ROOT));
        }
      }
      if (phrases.isEmpty()) {
        throw new ConfigException(where + ": theme '" + id + "' has no phrases");
      }
      themes.add(new Theme(id, cols[1].strip(), frame, List.copyOf(phrases)));
    }
    if (themes.isEmpty()) {
      throw new ConfigException("theme lexicon " + name + ": no themes found");
    }
    return new ThemeTaxonomy(tsv.version(), List.copyOf(themes));
  }
}

package dev.parallax.nlp;

import dev.parallax.config.ConfigException;
import dev.parallax.config.ConfigKeys;
import dev.parallax.config.ParallaxConfig;
import dev.parallax.nlp.tone.TokenValences;
import dev.parallax.nlp.tone.ToneLexicon;
import dev.parallax.nlp.voice.SpeakerMap;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lexicons of the annotate stage, read and checked on the driver before Spark starts: a missing
 * or malformed file stops the run with a one-line message naming file and line.
 *
 * @param themes the theme taxonomy, every language's phrases
 * @param tone the English tone lexicon (VADER + domain, averaged with AFINN-165 unless
 *     lexicons.tone_afinn is 'none')
 * @param stance the English stance markers
 * @param toneByLanguage tone lexicons of other languages ({@code lexicons.tone.<language>}); a
 *     language absent here has no tone (null)
 * @param speakers the speakers map of quotes ({@code lexicons.speakers})
 */
public record NlpLexicons(
    ThemeTaxonomy themes,
    ToneLexicon tone,
    StanceMarkers stance,
    Map<String, TokenValences> toneByLanguage,
    SpeakerMap speakers)
    implements Serializable {

  /** English lexicons only: no other language has tone; no speakers map. */
  public NlpLexicons(ThemeTaxonomy themes, ToneLexicon tone, StanceMarkers stance) {
    this(themes, tone, stance, Map.of(), SpeakerMap.empty());
  }

  /** No speakers map: quoted speakers stay as written. */
  public NlpLexicons(
      ThemeTaxonomy themes,
      ToneLexicon tone,
      StanceMarkers stance,
      Map<String, TokenValences> toneByLanguage) {
    this(themes, tone, stance, toneByLanguage, SpeakerMap.empty());
  }

  public static NlpLexicons load(ParallaxConfig config) {
    LexiconFiles.Text themes = LexiconFiles.read(config, ConfigKeys.LEXICON_THEMES, "themes.tsv");
    LexiconFiles.Text vader =
        LexiconFiles.read(config, ConfigKeys.LEXICON_VADER, "vader/vader_lexicon.txt");
    LexiconFiles.Text domain =
        LexiconFiles.read(config, ConfigKeys.LEXICON_TONE_DOMAIN, "tone_domain.tsv");
    LexiconFiles.Text afinn =
        ConfigKeys.NONE.equals(config.string(ConfigKeys.LEXICON_TONE_AFINN))
            ? null
            : LexiconFiles.read(config, ConfigKeys.LEXICON_TONE_AFINN, "afinn/afinn-165.tsv");
    LexiconFiles.Text stance =
        LexiconFiles.read(config, ConfigKeys.LEXICON_STANCE, "stance_markers.tsv");
    LexiconFiles.Text speakers =
        LexiconFiles.read(config, ConfigKeys.LEXICON_SPEAKERS, "speakers.tsv");
    Map<String, TokenValences> byLanguage = new TreeMap<>();
    for (String language : ConfigKeys.TONE_LEXICONS.keySet()) {
      String path = config.toneLexicon(language);
      if (path != null) {
        byLanguage.put(language, tokenValences(ConfigKeys.TONE_LEXICONS.get(language), path));
      }
    }
    return new NlpLexicons(
        ThemeTaxonomy.parse(themes.name(), themes.content()),
        tone(vader, domain, afinn),
        StanceMarkers.parse(stance.name(), stance.content()),
        java.util.Collections.unmodifiableMap(byLanguage),
        speakers(speakers));
  }

  private static TokenValences tokenValences(ConfigKeys.Key key, String path) {
    Path p = Path.of(path);
    if (!Files.isRegularFile(p)) {
      throw new ConfigException(
          key.name()
              + ": lexicon file "
              + path
              + " does not exist (set a path, or '"
              + ConfigKeys.NONE
              + "' for no tone in this language)");
    }
    try {
      return TokenValences.parse(path, Files.readString(p, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    } catch (IOException e) {
      throw new ConfigException(
          key.name() + ": cannot read lexicon file " + path + ": " + e.getMessage());
    }
  }

  private static SpeakerMap speakers(LexiconFiles.Text file) {
    try {
      return SpeakerMap.parse(file.name(), file.content());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  private static ToneLexicon tone(
      LexiconFiles.Text vader, LexiconFiles.Text domain, LexiconFiles.Text afinn) {
    try {
      ToneLexicon tone =
          ToneLexicon.parse(
              vader.name(),
              new StringReader(vader.content()),
              domain.name(),
              new StringReader(domain.content()));
      return afinn == null ? tone : tone.withAfinn(afinn.name(), new StringReader(afinn.content()));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

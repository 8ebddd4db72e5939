package dev.parallax.nlp;

import dev.parallax.config.ConfigException;
import dev.parallax.config.ConfigKeys;
import dev.parallax.config.ParallaxConfig;
import dev.parallax.nlp.tone.ToneLexicon;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.io.UncheckedIOException;

/**
 * The three lexicons of the annotate stage, read and checked on the driver before Spark starts: a
 * missing or malformed file stops the run with a one-line message naming file and line.
 */
public record NlpLexicons(ThemeTaxonomy themes, ToneLexicon tone, StanceMarkers stance)
    implements Serializable {

  public static NlpLexicons load(ParallaxConfig config) {
    LexiconFiles.Text themes = LexiconFiles.read(config, ConfigKeys.LEXICON_THEMES, "themes.tsv");
    LexiconFiles.Text vader =
        LexiconFiles.read(config, ConfigKeys.LEXICON_VADER, "vader/vader_lexicon.txt");
    LexiconFiles.Text domain =
        LexiconFiles.read(config, ConfigKeys.LEXICON_TONE_DOMAIN, "tone_domain.tsv");
    LexiconFiles.Text stance =
        LexiconFiles.read(config, ConfigKeys.LEXICON_STANCE, "stance_markers.tsv");
    return new NlpLexicons(
        ThemeTaxonomy.parse(themes.name(), themes.content()),
        tone(vader, domain),
        StanceMarkers.parse(stance.name(), stance.content()));
  }

  private static ToneLexicon tone(LexiconFiles.Text vader, LexiconFiles.Text domain) {
    try {
      return ToneLexicon.parse(
          vader.name(),
          new StringReader(vader.content()),
          domain.name(),
          new StringReader(domain.content()));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

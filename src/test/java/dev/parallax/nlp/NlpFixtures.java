package dev.parallax.nlp;

import dev.parallax.TestSpark;
import dev.parallax.config.ConfigLoader;
import java.util.Map;

/** Lexicons and annotators built once per test JVM from the bundled lexicon files. */
final class NlpFixtures {
  private static NlpLexicons lexicons;
  private static SentenceAnnotator annotator;

  private NlpFixtures() {}

  static synchronized NlpLexicons lexicons() {
    if (lexicons == null) {
      lexicons = NlpLexicons.load(ConfigLoader.load(null, Map.of()));
    }
    return lexicons;
  }

  static synchronized SentenceAnnotator annotator() {
    if (annotator == null) {
      annotator =
          SentenceAnnotator.build(
              TestSpark.get(), lexicons(), NlpPipeline.SentenceDetection.PARALLAX);
    }
    return annotator;
  }
}

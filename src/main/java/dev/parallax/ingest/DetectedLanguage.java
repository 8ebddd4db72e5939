package dev.parallax.ingest;

import java.util.List;

/**
 * What {@link LanguageId} found for one article.
 *
 * @param language the language of the text (ISO 639-1, lower case): the detected one, or the
 *     declared one when the text is too short to identify; null when neither is known or the text
 *     cannot be placed among the candidates
 * @param declared the declared language's primary subtag, lower case; null when none
 * @param confidence the detector's confidence in {@code language}, 0..1 (1 when the script leaves
 *     one candidate); null when the language was not detected from the text
 * @param warnings what the analyst should know (too short, declared disagrees, mixed scripts,
 *     cannot place), each a sentence starting "language: "; empty when none
 */
public record DetectedLanguage(
    String language, String declared, Double confidence, List<String> warnings) {

  public DetectedLanguage {
    warnings = List.copyOf(warnings);
  }

  /** Whether the language was read from the text rather than taken from the declaration. */
  public boolean detected() {
    return confidence != null && language != null;
  }
}

package dev.parallax.nlp.lang;

import java.util.List;

/**
 * One theme phrase found in a sentence.
 *
 * @param begin index of the first matched token
 * @param end index after the last matched token
 * @param tokens the matched tokens
 * @param themes the themes whose phrases normalise to these tokens (sorted; several when a phrase
 *     is listed under several themes)
 */
public record PhraseMatch(int begin, int end, List<String> tokens, List<String> themes) {
  public PhraseMatch {
    tokens = List.copyOf(tokens);
    themes = List.copyOf(themes);
  }
}

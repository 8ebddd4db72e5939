package dev.parallax.nlp.lang;

import java.util.List;

/**
 * One sentence of a Japanese, Chinese or Korean article.
 *
 * @param index position in the article, from 0
 * @param begin first code point of the sentence in the article text (inclusive)
 * @param end code point after the sentence (exclusive); whitespace around a sentence is outside
 * @param text the sentence, {@code text.substring} of the article over {@code [begin, end)} in code
 *     points
 * @param tokens normalised tokens (base forms, lower case, particles and punctuation removed), the
 *     same for counting ({@code n_tokens}) and for theme matching
 * @param offsets each token's UTF-16 span {@code [begin, end)} in {@code text}, aligned with {@code
 *     tokens} (a base form's span is that of its surface form)
 */
public record CjkSentence(
    int index, int begin, int end, String text, List<String> tokens, List<int[]> offsets) {
  public CjkSentence {
    tokens = List.copyOf(tokens);
    offsets = List.copyOf(offsets);
  }

  /** The text of tokens {@code [from, to)} as written in the sentence. */
  public String surface(int from, int to) {
    return text.substring(offsets.get(from)[0], offsets.get(to - 1)[1]);
  }
}

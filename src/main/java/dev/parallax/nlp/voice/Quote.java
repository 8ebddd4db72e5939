package dev.parallax.nlp.voice;

import java.io.Serializable;
import java.util.List;

/**
 * One direct quote or attributed statement of an article.
 *
 * @param sentence index (in the article's sentence list) of the sentence the quote starts in
 * @param sentenceCount sentences the quote spans (1 for a quote inside one sentence)
 * @param kind direct quotation or reported speech
 * @param pieces the quote's text in the article, one span per sentence it covers, in order
 * @param text the quote's words: the pieces' text joined with single spaces
 * @param speaker the speaker as written ("Mr. Trump", "the prime minister"), null if unattributed
 * @param canonical the speaker in the speakers map, null if unattributed or not in the map
 */
public record Quote(
    int sentence,
    int sentenceCount,
    Kind kind,
    List<Span> pieces,
    String text,
    String speaker,
    Speaker canonical)
    implements Serializable {

  /** Direct quotation (inside quotation marks) or reported speech. */
  public enum Kind {
    DIRECT("direct"),
    ATTRIBUTED("attributed");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** The value written to {@code quotes.kind}. */
    public String label() {
      return label;
    }
  }

  public Quote {
    pieces = List.copyOf(pieces);
  }
}

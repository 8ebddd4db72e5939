package dev.parallax.nlp.voice;

import java.io.Serializable;
import java.util.List;

/**
 * The voice of one sentence.
 *
 * @param voice whose words the sentence is
 * @param authorial the sentence's own words outside direct quotations, as spans of the article
 *     text, in order; the whole sentence for an authorial sentence without a quote; empty unless
 *     {@code voice} is {@link Voice#AUTHORIAL}
 */
public record SentenceVoice(Voice voice, List<Span> authorial) implements Serializable {
  public SentenceVoice {
    authorial = List.copyOf(authorial);
  }
}

package dev.parallax.nlp.voice;

import java.io.Serializable;
import java.util.List;

/**
 * The voices of an article's sentences and its quotes.
 *
 * @param sentences one per sentence handed to {@link VoiceAnalyzer#analyse}, in the same order
 * @param quotes the article's quotes in text order
 */
public record ArticleVoices(List<SentenceVoice> sentences, List<Quote> quotes)
    implements Serializable {
  public ArticleVoices {
    sentences = List.copyOf(sentences);
    quotes = List.copyOf(quotes);
  }
}

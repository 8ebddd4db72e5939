package dev.parallax.nlp;

import dev.parallax.nlp.voice.ArticleVoices;
import dev.parallax.nlp.voice.Quote;
import dev.parallax.nlp.voice.SentenceVoice;
import dev.parallax.nlp.voice.Span;
import dev.parallax.nlp.voice.Speaker;
import dev.parallax.nlp.voice.Voice;
import dev.parallax.nlp.voice.VoiceAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The voice columns of an article's sentence rows ({@code voice}, {@code authorial_tone}, {@code
 * quotes}) from the article's {@link ArticleVoices}, with the tone of a stretch of text given by
 * the language's scorer.
 *
 * <ul>
 *   <li>{@code authorial_tone}: for an authorial sentence, the tone of its words outside direct
 *       quotations (the tone of the whole sentence when it has no quote inside); null for quoted
 *       and attributed sentences and where the language has no tone;
 *   <li>a quote's {@code tone}: the mean tone of its pieces, one per sentence it spans (a tone
 *       lexicon's compound score is a sentence measure; a long quote's words summed would saturate
 *       it); null without a tone;
 *   <li>a quote's row goes with the sentence it starts in.
 * </ul>
 */
final class VoiceColumns {
  private VoiceColumns() {}

  /** The voice columns of one sentence row. */
  record Of(String voice, Double authorialTone, List<Row> quotes) {
    /** The columns of a sentence in a language without voice rules: all null. */
    static final Of NONE = new Of(null, null, null);
  }

  /**
   * The columns of each sentence of an article, all null when the language has no voice rules
   * ({@link VoiceAnalyzer#supports}).
   */
  static List<Of> of(
      VoiceAnalyzer analyzer,
      String language,
      String text,
      List<Span> sentences,
      Function<String, Double> toneOf,
      IntFunction<Double> sentenceTone) {
    if (!VoiceAnalyzer.supports(language)) {
      return java.util.Collections.nCopies(sentences.size(), Of.NONE);
    }
    return of(analyzer.analyse(language, text, sentences), text, sentences, toneOf, sentenceTone);
  }

  /**
   * The columns of each sentence of an article.
   *
   * @param voices the analysis of the article's sentences, in order
   * @param text the article text the spans point into
   * @param sentences the sentences' spans, as handed to the analyser
   * @param toneOf the tone of a stretch of text (null where the language has none)
   * @param sentenceTone the tone of sentence {@code i} as its {@code tone} column has it
   */
  static List<Of> of(
      ArticleVoices voices,
      String text,
      List<Span> sentences,
      Function<String, Double> toneOf,
      IntFunction<Double> sentenceTone) {
    int n = voices.sentences().size();
    List<List<Row>> quotes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      quotes.add(new ArrayList<>());
    }
    List<Quote> all = voices.quotes();
    for (int q = 0; q < all.size(); q++) {
      Quote quote = all.get(q);
      if (quote.sentence() >= 0 && quote.sentence() < n) {
        quotes.get(quote.sentence()).add(quoteRow(q, quote, text, toneOf));
      }
    }
    List<Of> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      SentenceVoice v = voices.sentences().get(i);
      Double authorial = null;
      if (v.voice() == Voice.AUTHORIAL && !v.authorial().isEmpty()) {
        authorial = authorialTone(v.authorial(), sentences.get(i), text, toneOf, sentenceTone, i);
      }
      out.add(new Of(v.voice().label(), authorial, quotes.get(i)));
    }
    return out;
  }

  /**
   * The tone of the authorial stretches: the sentence's own tone when they are one stretch, else
   * the tone of their words put together (the quotation left out).
   */
  private static Double authorialTone(
      List<Span> spans,
      Span sentence,
      String text,
      Function<String, Double> toneOf,
      IntFunction<Double> sentenceTone,
      int i) {
    if (spans.size() == 1 && spans.get(0).equals(sentence)) {
      return sentenceTone.apply(i);
    }
    StringBuilder words = new StringBuilder();
    for (Span s : spans) {
      if (words.length() > 0) {
        words.append(' ');
      }
      words.append(text, s.begin(), s.end());
    }
    String joined = words.toString().strip();
    return joined.isEmpty() ? null : toneOf.apply(joined);
  }

  private static Row quoteRow(int index, Quote q, String text, Function<String, Double> toneOf) {
    double sum = 0;
    int toned = 0;
    for (Span piece : q.pieces()) {
      String words = text.substring(piece.begin(), piece.end()).strip();
      Double t = words.isEmpty() ? null : toneOf.apply(words);
      if (t != null) {
        sum += t;
        toned++;
      }
    }
    Speaker s = q.canonical();
    return RowFactory.create(
        (long) index,
        q.kind().label(),
        (long) q.sentenceCount(),
        q.text(),
        q.speaker(),
        s == null ? null : s.canonical(),
        s == null ? null : emptyToNull(s.affiliation()),
        s == null ? null : emptyToNull(s.country()),
        s == null ? null : emptyToNull(s.type()),
        toned == 0 ? null : sum / toned);
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}

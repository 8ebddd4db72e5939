package dev.parallax.nlp.lang;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The language profile of Japanese, Chinese or Korean text: {@link SentenceSplitter sentence rules}
 * and tokenisation by Lucene's analyzers, run in-process.
 *
 * <ul>
 *   <li>ja: {@link JapaneseAnalyzer} (kuromoji, IPADIC): search-mode segmentation, which splits
 *       long compounds into their words (防衛費 → 防衛 費) and drops the compound itself, so positions
 *       stay a plain sequence; base forms (述べた → 述べる); the default part-of-speech stop tags
 *       (particles, auxiliary verbs, symbols) and stop words; full-width Latin and digits made
 *       half-width; katakana long-vowel marks stemmed; lower case.
 *   <li>zh: {@link SmartChineseAnalyzer} (smartcn, hidden Markov model word segmentation,
 *       Simplified Chinese dictionary) with its punctuation stop set; Chinese has no inflection, so
 *       a word is its base form. Latin words are lower-cased and Porter-stemmed.
 *   <li>ko: {@link KoreanAnalyzer} (nori, mecab-ko-dic): compounds decompounded with the compound
 *       dropped (방위비 → 방위 비), for the same reason as in Japanese; verb and adjective endings and
 *       particles removed by the default part-of-speech stop tags, leaving stems; Hanja read as
 *       Hangul; lower case.
 * </ul>
 *
 * <p>A profile is serializable and holds only its language; the analyzer is built on first use in
 * each JVM (loading a dictionary costs about a second) and shared by all threads: Lucene keeps a
 * tokenizer per thread inside an analyzer, so concurrent Spark tasks never share one.
 */
public final class CjkProfile implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The languages with a profile here (ISO 639-1). */
  public static final Set<String> LANGUAGES = Set.of("ja", "zh", "ko");

  private static final Map<String, Analyzer> ANALYZERS = new ConcurrentHashMap<>();

  private final String language;

  private CjkProfile(String language) {
    this.language = language;
  }

  /**
   * The profile of {@code language}.
   *
   * @throws IllegalArgumentException when the language has no profile here
   */
  public static CjkProfile of(String language) {
    if (!LANGUAGES.contains(language)) {
      throw new IllegalArgumentException(
          "no Japanese, Chinese or Korean profile for language '"
              + language
              + "'; one of "
              + String.join(",", new java.util.TreeSet<>(LANGUAGES)));
    }
    return new CjkProfile(language);
  }

  /** The profile's language (ISO 639-1). */
  public String language() {
    return language;
  }

  /** The sentences of {@code text}, with their code-point spans and tokens. */
  public List<CjkSentence> sentences(String text) {
    List<int[]> spans = SentenceSplitter.split(text, language);
    List<CjkSentence> out = new ArrayList<>(spans.size());
    int cp = 0;
    int ch = 0;
    for (int[] span : spans) {
      int from = text.offsetByCodePoints(ch, span[0] - cp);
      int to = text.offsetByCodePoints(from, span[1] - span[0]);
      String s = text.substring(from, to);
      List<String> tokens = new ArrayList<>();
      List<int[]> offsets = new ArrayList<>();
      analyse(s, tokens, offsets);
      out.add(new CjkSentence(out.size(), span[0], span[1], s, tokens, offsets));
      cp = span[1];
      ch = to;
    }
    return out;
  }

  /** The normalised tokens of {@code text} (a sentence or a taxonomy phrase). */
  public List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    analyse(text, out, null);
    return out;
  }

  /**
   * Adds the tokens of {@code text} to {@code out}, and their offsets when {@code offsets} is set.
   */
  private void analyse(String text, List<String> out, List<int[]> offsets) {
    try (TokenStream ts = analyzer().tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
        if (offsets != null) {
          offsets.add(new int[] {offset.startOffset(), offset.endOffset()});
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("tokenising " + language + " text", e);
    }
  }

  private Analyzer analyzer() {
    return ANALYZERS.computeIfAbsent(language, CjkProfile::newAnalyzer);
  }

  private static Analyzer newAnalyzer(String language) {
    return switch (language) {
      case "ja" -> new JapaneseAnalyzer();
      case "zh" -> new SmartChineseAnalyzer(true);
      case "ko" -> new KoreanAnalyzer();
      default -> throw new IllegalStateException(language);
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CjkProfile p && p.language.equals(language);
  }

  @Override
  public int hashCode() {
    return language.hashCode();
  }

  @Override
  public String toString() {
    return "CjkProfile[" + language + "]";
  }
}

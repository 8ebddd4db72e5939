package dev.parallax.nlp;

import dev.parallax.nlp.lang.CjkProfile;
import dev.parallax.nlp.lang.CjkScript;
import dev.parallax.nlp.lang.CjkSentence;
import dev.parallax.nlp.lang.PhraseMatch;
import dev.parallax.nlp.lang.PhraseMatcher;
import dev.parallax.nlp.tone.TokenValences;
import dev.parallax.nlp.voice.Span;
import dev.parallax.nlp.voice.VoiceAnalyzer;
import dev.parallax.warehouse.schema.SentencesColumns;
import dev.parallax.warehouse.schema.ThemeIds;
import java.io.Serializable;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.Row;

/**
 * The Japanese, Chinese and Korean profile of the annotate stage: an article's text to sentence
 * rows, with no Spark NLP (no CJK text reaches the English tokenizer).
 *
 * <ul>
 *   <li>sentences and tokens from {@link CjkProfile} (Lucene's analyzers; base forms); a sentence
 *       without any token (only punctuation or symbols) is left out and the next one takes its
 *       index, so {@code n_tokens} is at least 1 as in English;
 *   <li>themes from the taxonomy's phrases in the language, matched by {@link PhraseMatcher} on the
 *       same tokens, in two layers matched independently as in English: the story themes, and the
 *       general {@code frame_*} themes where the taxonomy has phrases for them in the language;
 *   <li>tone from the language's {@link TokenValences} lexicon when one is configured, else null;
 *   <li>stance markers null: the marker list is English.
 * </ul>
 *
 * <p>Matchers are built per language on first use (in the driver by {@link #prepare}, which also
 * checks the phrases before Spark starts, or in a task) and shipped with the annotator.
 */
final class CjkAnnotator implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Theme phrases by language, then layer (0 story, 1 frame), then theme id. */
  private final Map<String, List<Map<String, List<String>>>> phrases;

  private final Map<String, String> frameByTheme;
  private final Map<String, TokenValences> tone;
  private final Map<String, List<PhraseMatcher>> matchers = new ConcurrentHashMap<>();

  CjkAnnotator(ThemeTaxonomy taxonomy, Map<String, TokenValences> tone) {
    Map<String, List<Map<String, List<String>>>> byLanguage = new HashMap<>();
    Map<String, String> frames = new HashMap<>();
    for (String language : CjkProfile.LANGUAGES) {
      List<Map<String, List<String>>> layers =
          List.of(new LinkedHashMap<>(), new LinkedHashMap<>());
      for (ThemeTaxonomy.Theme t : taxonomy.themes()) {
        List<String> p = t.phrases(language);
        if (!p.isEmpty()) {
          layers.get(ThemeIds.isFrame(t.id()) ? 1 : 0).put(t.id(), p);
        }
      }
      byLanguage.put(language, layers);
    }
    for (ThemeTaxonomy.Theme t : taxonomy.themes()) {
      frames.put(t.id(), t.frame());
    }
    this.phrases = byLanguage;
    this.frameByTheme = frames;
    this.tone = Map.copyOf(tone);
  }

  /**
   * Builds the matchers of {@code language} now (loading its analyzer's dictionary).
   *
   * @throws IllegalArgumentException naming theme and phrase when a phrase has no token
   */
  void prepare(String language) {
    matchers(language);
  }

  private List<PhraseMatcher> matchers(String language) {
    return matchers.computeIfAbsent(
        language,
        l -> {
          CjkProfile profile = CjkProfile.of(l);
          List<PhraseMatcher> out = new ArrayList<>();
          for (Map<String, List<String>> layer : phrases.get(l)) {
            out.add(PhraseMatcher.of(profile, layer));
          }
          return out;
        });
  }

  /**
   * What the CJK profile makes of a passage quoted inside an article of another language (a
   * Japanese sentence in an English report): its tokens, theme matches and tone, with the passage's
   * language taken from its script ({@link CjkScript#languageOf}).
   *
   * @param tokens the profile's tokens of every sentence of the passage, in order; empty when it
   *     has none (punctuation and symbols only)
   * @param tone the language's lexicon score, null without a lexicon
   */
  record Passage(
      String language,
      List<String> tokens,
      List<String> themes,
      List<String> frames,
      List<String> mentions,
      List<String> matched,
      Double tone) {}

  /** The passage {@code text}, analysed by the profile of the CJK language its script shows. */
  Passage passage(String text) {
    String language = CjkScript.languageOf(text);
    List<PhraseMatcher> layers = matchers(language);
    TokenValences valences = tone.get(language);
    List<String> tokens = new ArrayList<>();
    TreeSet<String> themes = new TreeSet<>();
    TreeSet<String> frames = new TreeSet<>();
    List<String> mentions = new ArrayList<>();
    List<String> matched = new ArrayList<>();
    for (CjkSentence s : CjkProfile.of(language).sentences(text)) {
      tokens.addAll(s.tokens());
      addMatches(s, layers, themes, frames, mentions, matched);
    }
    return new Passage(
        language,
        tokens,
        new ArrayList<>(themes),
        new ArrayList<>(frames),
        mentions,
        matched,
        valences == null || tokens.isEmpty() ? null : valences.score(tokens));
  }

  /**
   * Adds the theme matches of one sentence, in text order (at one position the story layer, matched
   * first, comes first).
   */
  private void addMatches(
      CjkSentence s,
      List<PhraseMatcher> layers,
      java.util.SortedSet<String> themes,
      java.util.SortedSet<String> frames,
      List<String> mentions,
      List<String> matched) {
    List<PhraseMatch> matches = new ArrayList<>();
    for (PhraseMatcher m : layers) {
      matches.addAll(m.match(s.tokens()));
    }
    matches.sort(Comparator.comparingInt(PhraseMatch::begin));
    for (PhraseMatch m : matches) {
      String surface = s.surface(m.begin(), m.end());
      for (String id : m.themes()) {
        themes.add(id);
        frames.add(frameByTheme.get(id));
        mentions.add(id);
        matched.add(id + ":" + surface);
      }
    }
  }

  /**
   * The sentence rows of one article in a CJK language, with the voice columns from {@code voices}.
   *
   * @param language ja, zh or ko
   */
  List<Row> annotate(
      String articleId,
      String story,
      String source,
      Timestamp publishedAt,
      String language,
      String text,
      VoiceAnalyzer voices) {
    List<PhraseMatcher> layers = matchers(language);
    TokenValences valences = tone.get(language);
    List<SentencesColumns.Builder> builders = new ArrayList<>();
    List<Span> spans = new ArrayList<>();
    List<Double> tones = new ArrayList<>();
    // code points to UTF-16 indices, walking forward once
    int cp = 0;
    int utf16 = 0;
    for (CjkSentence s : CjkProfile.of(language).sentences(text)) {
      if (s.tokens().isEmpty()) {
        continue;
      }
      utf16 = text.offsetByCodePoints(utf16, s.begin() - cp);
      cp = s.begin();
      int begin = utf16;
      utf16 = text.offsetByCodePoints(utf16, s.end() - cp);
      cp = s.end();
      spans.add(new Span(begin, utf16));
      TreeSet<String> themes = new TreeSet<>();
      TreeSet<String> frames = new TreeSet<>();
      List<String> mentions = new ArrayList<>();
      List<String> matched = new ArrayList<>();
      addMatches(s, layers, themes, frames, mentions, matched);
      Double sentenceTone = valences == null ? null : valences.score(s.tokens());
      tones.add(sentenceTone);
      builders.add(
          SentencesColumns.row()
              .articleId(articleId)
              .story(story)
              .source(source)
              .language(language)
              .publishedAt(publishedAt)
              .sentenceIdx(builders.size())
              // the sentence's code-point span [begin, end) of the text, as char_begin/char_end
              .charBegin(s.begin())
              .charEnd(s.end())
              .text(s.text())
              .nTokens(s.tokens().size())
              .tokens(SentenceAnnotator.seq(s.tokens()))
              .themes(SentenceAnnotator.seq(new ArrayList<>(themes)))
              .frames(SentenceAnnotator.seq(new ArrayList<>(frames)))
              .themeMentions(SentenceAnnotator.seq(mentions))
              .matchedTerms(SentenceAnnotator.seq(matched))
              .tone(sentenceTone)
              .hedges(null)
              .boosters(null)
              .attitude(null)
              .selfMentions(null));
    }
    List<VoiceColumns.Of> voice =
        VoiceColumns.of(
            voices, language, text, spans, fragment -> tone(language, fragment), tones::get);
    List<Row> rows = new ArrayList<>(builders.size());
    for (int i = 0; i < builders.size(); i++) {
      rows.add(SentenceAnnotator.withVoice(builders.get(i), voice.get(i)));
    }
    return rows;
  }

  /**
   * The tone of a stretch of an article in {@code language} (a quote, the words outside one): the
   * language's lexicon on the profile's tokens of the stretch; null without a lexicon or a token.
   */
  Double tone(String language, String fragment) {
    TokenValences valences = tone.get(language);
    if (valences == null) {
      return null;
    }
    List<String> tokens = new ArrayList<>();
    for (CjkSentence s : CjkProfile.of(language).sentences(fragment)) {
      tokens.addAll(s.tokens());
    }
    return tokens.isEmpty() ? null : valences.score(tokens);
  }
}

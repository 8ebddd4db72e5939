package dev.parallax.nlp;

import dev.parallax.nlp.lang.CjkProfile;
import dev.parallax.nlp.lang.CjkScript;
import dev.parallax.nlp.tone.ToneScorer;
import dev.parallax.nlp.voice.Span;
import dev.parallax.nlp.voice.VoiceAnalyzer;
import dev.parallax.warehouse.schema.ArticlesColumns;
import dev.parallax.warehouse.schema.SentencesColumns;
import dev.parallax.warehouse.schema.ThemeIds;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Turns articles into sentence rows, by the profile of the article's language ({@code
 * articles.language}):
 *
 * <ul>
 *   <li>{@code en}: the Spark NLP pipeline ({@link NlpPipeline}, Java-serialized with this object,
 *       one copy per task), theme matches mapped back to theme ids, tone from {@link ToneScorer} on
 *       the sentence's tokens, and stance-marker counts. A sentence written mostly in Japanese,
 *       Chinese or Korean script ({@link CjkScript#isMostlyCjk}: more than half of its letters Han,
 *       kana or Hangul), such as a quote, is not analysed with English rules: the CJK profile of
 *       its script ({@link CjkScript#languageOf}) gives its tokens, themes and tone (null without a
 *       lexicon for that language), and its stance markers are null;
 *   <li>{@code ja}, {@code zh}, {@code ko}: {@link CjkAnnotator} (Lucene tokens, taxonomy phrases
 *       of the language, tone only with a configured lexicon);
 *   <li>any other language, or none: no rows; {@link AnnotateJob} counts the article as not
 *       analysed.
 * </ul>
 */
public final class SentenceAnnotator implements Serializable {
  /** Columns of the articles table an article row handed to {@link #annotatePartition} holds. */
  static final List<String> INPUT =
      List.of(
          ArticlesColumns.ARTICLE_ID,
          ArticlesColumns.STORY,
          ArticlesColumns.SOURCE,
          ArticlesColumns.PUBLISHED_AT,
          ArticlesColumns.LANGUAGE,
          ArticlesColumns.TEXT);

  private static final int ARTICLE_ID_AT = INPUT.indexOf(ArticlesColumns.ARTICLE_ID);
  private static final int STORY_AT = INPUT.indexOf(ArticlesColumns.STORY);
  private static final int SOURCE_AT = INPUT.indexOf(ArticlesColumns.SOURCE);
  private static final int PUBLISHED_AT_AT = INPUT.indexOf(ArticlesColumns.PUBLISHED_AT);
  private static final int LANGUAGE_AT = INPUT.indexOf(ArticlesColumns.LANGUAGE);
  private static final int TEXT_AT = INPUT.indexOf(ArticlesColumns.TEXT);

  /**
   * Shipped to executors by Java serialization inside this object, as Spark NLP ships its own
   * annotators. A Spark broadcast would go through Kryo, which rebuilds annotators by calling
   * constructors that need a SparkSession, and fails on executors; this driver-side copy also keeps
   * the annotators' own feature broadcasts alive for the whole job.
   */
  private final NlpPipeline model;

  private final Map<String, List<String>> themesByStems;
  private final Map<String, String> frameByTheme;
  private final ToneScorer tone;
  private final StanceMarkers stance;
  private final CjkAnnotator cjk;
  private final VoiceAnalyzer voices;

  private SentenceAnnotator(
      NlpPipeline model,
      Map<String, List<String>> themesByStems,
      Map<String, String> frameByTheme,
      ToneScorer tone,
      StanceMarkers stance,
      CjkAnnotator cjk,
      VoiceAnalyzer voices) {
    this.model = model;
    this.themesByStems = themesByStems;
    this.frameByTheme = frameByTheme;
    this.tone = tone;
    this.stance = stance;
    this.cjk = cjk;
    this.voices = voices;
  }

  /** The languages with a profile: English and the CJK languages. */
  public static final Set<String> LANGUAGES = languages();

  private static Set<String> languages() {
    TreeSet<String> out = new TreeSet<>(CjkProfile.LANGUAGES);
    out.add(ThemeTaxonomy.ENGLISH);
    return Collections.unmodifiableSet(out);
  }

  /** Whether articles in {@code language} (ISO 639-1, or null) are annotated. */
  public static boolean hasProfile(String language) {
    return language != null && LANGUAGES.contains(language);
  }

  /**
   * Builds the theme matchers of a CJK language now, on the driver, so a phrase without tokens
   * stops the run before Spark starts annotating; English needs nothing.
   */
  void prepare(String language) {
    if (CjkProfile.LANGUAGES.contains(language)) {
      cjk.prepare(language);
    }
  }

  /** Builds the pipeline on the driver (needs the active session). */
  public static SentenceAnnotator build(
      SparkSession spark, NlpLexicons lexicons, NlpPipeline.SentenceDetection detection) {
    PhraseIndex index = PhraseIndex.of(lexicons.themes());
    NlpPipeline full = NlpPipeline.withMatcher(index.stemPhrases(), detection);
    return new SentenceAnnotator(
        full,
        index.themesByStems(),
        index.frameByTheme(),
        new ToneScorer(lexicons.tone()),
        lexicons.stance(),
        new CjkAnnotator(lexicons.themes(), lexicons.toneByLanguage()),
        new VoiceAnalyzer(lexicons.speakers()));
  }

  /** Theme phrases stemmed by the pipeline itself, so text and phrases are processed alike. */
  record PhraseIndex(
      List<String[]> stemPhrases,
      Map<String, List<String>> themesByStems,
      Map<String, String> frameByTheme) {
    static PhraseIndex of(ThemeTaxonomy taxonomy) {
      NlpPipeline base = NlpPipeline.base();
      Map<String, TreeSet<String>> byStems = new LinkedHashMap<>();
      Map<String, String> frames = new HashMap<>();
      for (ThemeTaxonomy.Theme t : taxonomy.themes()) {
        frames.put(t.id(), t.frame());
        for (String phrase : t.phrases()) {
          List<String> stems = new ArrayList<>();
          for (NlpPipeline.Sentence s : base.annotate(phrase)) {
            stems.addAll(s.stems());
          }
          if (!stems.isEmpty()) {
            byStems.computeIfAbsent(String.join(" ", stems), k -> new TreeSet<>()).add(t.id());
          }
        }
      }
      List<String[]> phrases = new ArrayList<>();
      Map<String, List<String>> themes = new HashMap<>();
      for (Map.Entry<String, TreeSet<String>> e : byStems.entrySet()) {
        phrases.add(e.getKey().split(" "));
        themes.put(e.getKey(), List.copyOf(e.getValue()));
      }
      return new PhraseIndex(phrases, themes, frames);
    }
  }

  /**
   * One row of the sentences table ({@link SentencesColumns#SCHEMA}) per sentence of each article
   * row (columns {@link #INPUT}). Lazy: holds one article's sentences at a time, so a partition's
   * memory does not grow with its number of articles.
   */
  public Iterator<Row> annotatePartition(Iterator<Row> articles) {
    return new Iterator<>() {
      private Iterator<Row> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && articles.hasNext()) {
          current = annotate(articles.next()).iterator();
        }
        return current.hasNext();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /** The sentence rows of one article row (columns {@link #INPUT}); none without a profile. */
  List<Row> annotate(Row a) {
    String language = a.getString(LANGUAGE_AT);
    if (ThemeTaxonomy.ENGLISH.equals(language)) {
      String text = a.getString(TEXT_AT);
      List<NlpPipeline.Sentence> sentences = model.annotate(text);
      List<Span> spans = new ArrayList<>(sentences.size());
      for (NlpPipeline.Sentence s : sentences) {
        spans.add(stripped(s, text));
      }
      List<Row> rows = new ArrayList<>(sentences.size());
      CodePointOffsets offsets = new CodePointOffsets(text);
      List<SentencesColumns.Builder> builders = new ArrayList<>(sentences.size());
      List<Double> tones = new ArrayList<>(sentences.size());
      for (int i = 0; i < sentences.size(); i++) {
        SentencesColumns.Builder b = toRow(a, sentences.get(i), text, spans.get(i), offsets);
        builders.add(b);
        tones.add(b.tone());
      }
      List<VoiceColumns.Of> voice =
          VoiceColumns.of(voices, language, text, spans, this::toneOf, tones::get);
      for (int i = 0; i < builders.size(); i++) {
        rows.add(withVoice(builders.get(i), voice.get(i)));
      }
      return rows;
    }
    if (hasProfile(language)) {
      return cjk.annotate(
          a.getString(ARTICLE_ID_AT),
          a.getString(STORY_AT),
          a.getString(SOURCE_AT),
          a.getTimestamp(PUBLISHED_AT_AT),
          language,
          a.getString(TEXT_AT),
          voices);
    }
    return List.of();
  }

  static Row withVoice(SentencesColumns.Builder row, VoiceColumns.Of v) {
    return row.voice(v.voice())
        .authorialTone(v.authorialTone())
        .quotes(v.quotes() == null ? null : seq(v.quotes()))
        .build();
  }

  /**
   * The tone of a stretch of an English article (a quote, the words outside one) as the sentence
   * rows score it: a stretch mostly in Japanese, Chinese or Korean script by that language's
   * profile, anything else by the English scorer on the pipeline's tokens.
   */
  private Double toneOf(String fragment) {
    if (CjkScript.isMostlyCjk(fragment)) {
      return cjk.passage(fragment).tone();
    }
    return tone.score(model.tokens(fragment));
  }

  /**
   * The span of sentence {@code s} of {@code text}: the pipeline's span stripped as {@link
   * String#strip} strips it, UTF-16 indices, end exclusive.
   */
  static Span stripped(NlpPipeline.Sentence s, String text) {
    int from = s.begin();
    int to = s.end() + 1;
    while (from < to && Character.isWhitespace(text.codePointAt(from))) {
      from += Character.charCount(text.codePointAt(from));
    }
    while (to > from && Character.isWhitespace(text.codePointBefore(to))) {
      to -= Character.charCount(text.codePointBefore(to));
    }
    return new Span(from, to);
  }

  /**
   * The row of sentence {@code s} of {@code text} but its voice columns. Its offsets are those of
   * its text ({@code span}, the pipeline's span stripped) in code points, end exclusive, so that
   * {@code text} is exactly {@code substring(articles.text, char_begin + 1, char_end - char_begin)}
   * in Spark SQL and DuckDB.
   */
  SentencesColumns.Builder toRow(
      Row article, NlpPipeline.Sentence s, String text, Span span, CodePointOffsets offsets) {
    int from = span.begin();
    int to = span.end();
    String sentence = text.substring(from, to);
    // English rules only for English script: a CJK passage is analysed by the CJK profile of its
    // script (tokens, themes, tone where that language has a lexicon) and has no stance markers
    CjkAnnotator.Passage passage = CjkScript.isMostlyCjk(sentence) ? cjk.passage(sentence) : null;
    SentencesColumns.Builder row =
        SentencesColumns.row()
            .articleId(article.getString(ARTICLE_ID_AT))
            .story(article.getString(STORY_AT))
            .source(article.getString(SOURCE_AT))
            .language(article.getString(LANGUAGE_AT))
            .publishedAt(article.getTimestamp(PUBLISHED_AT_AT))
            .sentenceIdx(s.index())
            .charBegin(offsets.of(from))
            .charEnd(offsets.of(to))
            .text(sentence);
    if (passage != null) {
      List<String> tokens = passage.tokens().isEmpty() ? s.normalized() : passage.tokens();
      return row.nTokens(tokens.size())
          .tokens(seq(tokens))
          .themes(seq(passage.themes()))
          .frames(seq(passage.frames()))
          .themeMentions(seq(passage.mentions()))
          .matchedTerms(seq(passage.matched()))
          .tone(passage.tone())
          .hedges(null)
          .boosters(null)
          .attitude(null)
          .selfMentions(null);
    }
    TreeSet<String> themes = new TreeSet<>();
    TreeSet<String> frames = new TreeSet<>();
    List<String> mentions = new ArrayList<>();
    List<String> matched = new ArrayList<>();
    for (int i = 0; i < s.matchedStems().size(); i++) {
      List<String> ids = themesByStems.getOrDefault(s.matchedStems().get(i), List.of());
      for (String id : ids) {
        if (insideLongerMatch(s, i, id)) {
          continue;
        }
        themes.add(id);
        frames.add(frameByTheme.get(id));
        mentions.add(id);
        matched.add(id + ":" + s.matchedText().get(i));
      }
    }
    long[] markers = stance.count(s.tokens());
    return row.nTokens(s.normalized().size())
        .tokens(seq(s.normalized()))
        .themes(seq(new ArrayList<>(themes)))
        .frames(seq(new ArrayList<>(frames)))
        .themeMentions(seq(mentions))
        .matchedTerms(seq(matched))
        .tone(tone.score(s.tokens()))
        .hedges(markers[StanceMarkers.HEDGES])
        .boosters(markers[StanceMarkers.BOOSTERS])
        .attitude(markers[StanceMarkers.ATTITUDE])
        .selfMentions(markers[StanceMarkers.SELF_MENTIONS]);
  }

  /**
   * True when match {@code i} lies strictly inside a longer match of a theme of the same layer
   * (story themes, or the general {@code frame_*} themes) and {@code themeId} is not among that
   * longer match's themes: "defense investments" counts for defence spending, not for investment.
   * The two layers are matched independently.
   */
  private boolean insideLongerMatch(NlpPipeline.Sentence s, int i, String themeId) {
    int[] span = s.matchedSpans().get(i);
    boolean frameLayer = ThemeIds.isFrame(themeId);
    for (int j = 0; j < s.matchedSpans().size(); j++) {
      int[] other = s.matchedSpans().get(j);
      boolean contains =
          other[0] <= span[0] && other[1] >= span[1] && other[1] - other[0] > span[1] - span[0];
      if (!contains) {
        continue;
      }
      List<String> outer = themesByStems.getOrDefault(s.matchedStems().get(j), List.of());
      if (outer.contains(themeId)) {
        continue;
      }
      for (String o : outer) {
        if (ThemeIds.isFrame(o) == frameLayer) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A list as the Scala sequence an array column of a Row takes: a view, not a copy (Spark copies
   * the elements when it converts the row), so the list must not change afterwards.
   */
  static <T> scala.collection.Seq<T> seq(List<T> l) {
    return scala.collection.JavaConverters.asScalaBuffer(l);
  }
}

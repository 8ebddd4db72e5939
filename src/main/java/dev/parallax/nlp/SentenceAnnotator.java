package dev.parallax.nlp;

import dev.parallax.nlp.tone.ToneScorer;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Turns articles into sentence rows: the Spark NLP pipeline ({@link NlpPipeline}, Java-serialized
 * with this object, one copy per task), theme matches mapped back to theme ids, tone from
 * {@link ToneScorer} on the sentence's tokens, and stance-marker counts.
 */
public final class SentenceAnnotator implements Serializable {
  /**
   * Shipped to executors by Java serialization inside this object, as Spark NLP ships its own
   * annotators. A Spark broadcast would go through Kryo, which rebuilds annotators by calling
   * constructors that need a SparkSession, and fails on executors; this driver-side copy also
   * keeps the annotators' own feature broadcasts alive for the whole job.
   */
  private final NlpPipeline model;
  private final Map<String, List<String>> themesByStems;
  private final Map<String, String> frameByTheme;
  private final ToneScorer tone;
  private final StanceMarkers stance;

  private SentenceAnnotator(NlpPipeline model, Map<String, List<String>> themesByStems,
      Map<String, String> frameByTheme, ToneScorer tone, StanceMarkers stance) {
    this.model = model;
    this.themesByStems = themesByStems;
    this.frameByTheme = frameByTheme;
    this.tone = tone;
    this.stance = stance;
  }

  /** Builds the pipeline on the driver (needs the active session). */
  public static SentenceAnnotator build(SparkSession spark, NlpLexicons lexicons) {
    PhraseIndex index = PhraseIndex.of(lexicons.themes());
    NlpPipeline full = NlpPipeline.withMatcher(index.stemPhrases());
    return new SentenceAnnotator(full, index.themesByStems(), index.frameByTheme(),
        new ToneScorer(lexicons.tone()), lexicons.stance());
  }

  /** Theme phrases stemmed by the pipeline itself, so text and phrases are processed alike. */
  record PhraseIndex(List<String[]> stemPhrases, Map<String, List<String>> themesByStems,
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
   * One row per sentence of each article row (article_id, story, source, published_at, text).
   * Lazy: holds one article's sentences at a time, so a partition's memory does not grow with its
   * number of articles.
   */
  public Iterator<Row> annotatePartition(Iterator<Row> articles) {
    return new Iterator<>() {
      private Iterator<Row> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && articles.hasNext()) {
          Row a = articles.next();
          List<NlpPipeline.Sentence> sentences = model.annotate(a.getString(4));
          List<Row> rows = new ArrayList<>(sentences.size());
          for (NlpPipeline.Sentence s : sentences) {
            rows.add(toRow(a, s));
          }
          current = rows.iterator();
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

  Row toRow(Row article, NlpPipeline.Sentence s) {
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
    return RowFactory.create(article.getString(0), article.getString(1), article.getString(2),
        article.get(3), (long) s.index(), (long) s.begin(), (long) s.end(), s.text(),
        (long) s.normalized().size(), seq(s.normalized()), seq(new ArrayList<>(themes)),
        seq(new ArrayList<>(frames)), seq(mentions), seq(matched), tone.score(s.tokens()),
        markers[0], markers[1], markers[2], markers[3]);
  }

  /**
   * True when match {@code i} lies strictly inside a longer match of a theme of the same layer
   * (story themes, or the general {@code frame_*} themes) and {@code themeId} is not among that
   * longer match's themes: "defense investments" counts for defence spending, not for
   * investment. The two layers are matched independently.
   */
  private boolean insideLongerMatch(NlpPipeline.Sentence s, int i, String themeId) {
    int[] span = s.matchedSpans().get(i);
    boolean frameLayer = isFrameTheme(themeId);
    for (int j = 0; j < s.matchedSpans().size(); j++) {
      int[] other = s.matchedSpans().get(j);
      boolean contains = other[0] <= span[0] && other[1] >= span[1]
          && other[1] - other[0] > span[1] - span[0];
      if (!contains) {
        continue;
      }
      List<String> outer = themesByStems.getOrDefault(s.matchedStems().get(j), List.of());
      if (outer.contains(themeId)) {
        continue;
      }
      for (String o : outer) {
        if (isFrameTheme(o) == frameLayer) {
          return true;
        }
      }
    }
    return false;
  }

  /** General frame-level themes carry the {@code frame_} prefix in the taxonomy. */
  static boolean isFrameTheme(String themeId) {
    return themeId.startsWith("frame_");
  }

  private static scala.collection.Seq<String> seq(List<String> l) {
    return scala.collection.JavaConverters.asScalaBuffer(l).toList();
  }
}

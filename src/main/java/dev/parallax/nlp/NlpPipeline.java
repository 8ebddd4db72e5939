package dev.parallax.nlp;

import com.johnsnowlabs.collections.SearchTrie$;
import com.johnsnowlabs.nlp.DocumentAssembler;
import com.johnsnowlabs.nlp.IAnnotation;
import com.johnsnowlabs.nlp.JavaAnnotation;
import com.johnsnowlabs.nlp.LightPipeline;
import com.johnsnowlabs.nlp.annotators.Normalizer;
import com.johnsnowlabs.nlp.annotators.NormalizerModel;
import com.johnsnowlabs.nlp.annotators.Stemmer;
import com.johnsnowlabs.nlp.annotators.TextMatcherModel;
import com.johnsnowlabs.nlp.annotators.Tokenizer;
import com.johnsnowlabs.nlp.annotators.TokenizerModel;
import com.johnsnowlabs.nlp.annotators.sbd.pragmatic.SentenceDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import scala.Option;

/**
 * The Spark NLP adapter, and the only class that touches Spark NLP's Scala types.
 *
 * <p>Stages: DocumentAssembler → SentenceDetector (custom bounds: sentence-final punctuation not
 * after a known abbreviation, and paragraph breaks) → Tokenizer (splits em/en dashes and hyphens,
 * peels quotes and punctuation, keeps U.S., Mr., Feb. whole) → Normalizer (lowercase; possessive
 * 's and punctuation removed) → Stemmer (Porter-style English) → TextMatcher over stems (the
 * theme phrases, stemmed by this same pipeline). All models are built from parameters, with no
 * fitting pass and no download; building needs an active SparkSession (Spark NLP's features
 * register with it), so it happens on the driver and the model is shipped to executors.
 */
public final class NlpPipeline {
  static final String ABBREVIATIONS = "Mr|Mrs|Ms|Dr|St|No|Nos|Gen|Lt|Col|Sgt|Adm|Sen|Rep|Gov|Pres"
      + "|Prof|Jr|Sr|Inc|Corp|Co|Ltd|vs|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
      + "|U\\.S|U\\.K|U\\.N|E\\.U|e\\.g|i\\.e|a\\.m|p\\.m";
  /** Sentence-final punctuation (plus closing quotes) before a space and a capital or digit. */
  static final String SENTENCE_END = "(?<!\\b(?:" + ABBREVIATIONS + "))(?<!\\b[A-Z])[.!?]+[\"”’)]*"
      + "(?=\\s+[\"“‘(]?[A-Z0-9])";
  static final String PARAGRAPH = "\\n\\s*\\n";
  static final String[] TOKEN_EXCEPTIONS = {"U.S.", "U.K.", "U.N.", "E.U.", "Mr.", "Mrs.", "Ms.",
      "Dr.", "St.", "No.", "Gen.", "Sen.", "Rep.", "Gov.", "Prof.", "Jr.", "Sr.", "Inc.", "Corp.",
      "Co.", "Ltd.", "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.",
      "Dec.", "e.g.", "i.e.", "a.m.", "p.m."};

  private NlpPipeline() {}

  /** One sentence's annotations; token lists are aligned where noted. */
  public record Sentence(int index, int begin, int end, String text, List<String> tokens,
      List<String> normalized, List<String> stems, List<String> matchedStems,
      List<String> matchedText, List<int[]> matchedSpans) {}

  /** The pipeline without the theme matcher: used to stem the phrases themselves. */
  static PipelineModel base() {
    return new PipelineModel("parallax-nlp-base", baseStages().toArray(new Transformer[0]));
  }

  /** The full pipeline, matching the given stem sequences. */
  static PipelineModel withMatcher(List<String[]> stemPhrases) {
    List<Transformer> stages = baseStages();
    TextMatcherModel matcher = new TextMatcherModel();
    matcher.setInputCols(new String[] {"sentence", "stem"});
    matcher.setOutputCol("theme");
    matcher.setBuildFromTokens(true);
    matcher.setMergeOverlapping(false);
    matcher.setSearchTrie(SearchTrie$.MODULE$.apply(stemPhrases.toArray(new String[0][]), true));
    stages.add(matcher);
    return new PipelineModel("parallax-nlp", stages.toArray(new Transformer[0]));
  }

  private static List<Transformer> baseStages() {
    DocumentAssembler document = new DocumentAssembler();
    document.setInputCol("text");
    document.setOutputCol("document");
    document.setCleanupMode("disabled");

    SentenceDetector sentences = new SentenceDetector();
    sentences.setInputCols(new String[] {"document"});
    sentences.setOutputCol("sentence");
    sentences.setCustomBounds(new String[] {SENTENCE_END, PARAGRAPH});
    sentences.setUseCustomBoundsOnly(true);
    sentences.setCustomBoundsStrategy("append");
    sentences.setExplodeSentences(false);

    Tokenizer tokenizer = new Tokenizer();
    tokenizer.setTargetPattern("[^\\s—–\\-]+");
    tokenizer.setContextChars(new String[] {".", ",", ";", ":", "!", "?", "*", "(", ")", "\"",
        "'", "“", "”", "‘", "’", "[", "]", "…"});
    // Spark NLP reads exceptions as regular expressions: quote them, or "i.e." matches "ime ".
    tokenizer.setExceptions(java.util.Arrays.stream(TOKEN_EXCEPTIONS)
        .map(e -> "(?<![\\p{L}.])" + java.util.regex.Pattern.quote(e)).toArray(String[]::new));
    TokenizerModel tokens = tokenizer.train(null, Option.empty());
    tokens.setInputCols(new String[] {"sentence"});
    tokens.setOutputCol("token");

    Normalizer normalizer = new Normalizer();
    normalizer.setLowercase(true);
    normalizer.setCleanupPatterns(new String[] {"['’]s$", "[^\\p{L}\\p{N}.]", "^\\.+|\\.+$"});
    NormalizerModel normal = normalizer.train(null, Option.empty());
    normal.setInputCols(new String[] {"token"});
    normal.setOutputCol("normal");

    Stemmer stemmer = new Stemmer();
    stemmer.setInputCols(new String[] {"normal"});
    stemmer.setOutputCol("stem");

    List<Transformer> stages = new ArrayList<>();
    stages.add(document);
    stages.add(sentences);
    stages.add(tokens);
    stages.add(normal);
    stages.add(stemmer);
    return stages;
  }

  /** Annotates one text with a LightPipeline over a model from this class. */
  static List<Sentence> annotate(LightPipeline pipeline, String text) {
    Map<String, List<IAnnotation>> out = pipeline.fullAnnotateJava(text);
    List<IAnnotation> sents = out.getOrDefault("sentence", List.of());
    int n = sents.size();
    List<List<String>> tokens = lists(n);
    List<List<String>> normal = lists(n);
    List<List<String>> stems = lists(n);
    List<List<String>> matchStems = lists(n);
    List<List<String>> matchText = lists(n);
    List<List<int[]>> spans = lists(n);
    collect(out.get("token"), tokens, null, null, null);
    collect(out.get("normal"), normal, null, null, null);
    collect(out.get("stem"), stems, null, null, null);
    collect(out.get("theme"), matchStems, matchText, spans, text);
    List<Sentence> result = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      JavaAnnotation s = (JavaAnnotation) sents.get(i);
      result.add(new Sentence(i, s.begin(), s.end(), s.result().strip(), tokens.get(i),
          normal.get(i), stems.get(i), matchStems.get(i), matchText.get(i), spans.get(i)));
    }
    return result;
  }

  private static <T> List<List<T>> lists(int n) {
    List<List<T>> l = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      l.add(new ArrayList<>());
    }
    return l;
  }

  private static void collect(List<IAnnotation> annotations, List<List<String>> results,
      List<List<String>> surfaces, List<List<int[]>> spans, String text) {
    if (annotations == null) {
      return;
    }
    for (IAnnotation a : annotations) {
      JavaAnnotation j = (JavaAnnotation) a;
      String idx = j.metadata().get("sentence");
      int s = idx == null ? 0 : Integer.parseInt(idx);
      if (s < 0 || s >= results.size() || j.result().isEmpty()) {
        continue;
      }
      results.get(s).add(j.result());
      if (surfaces != null) {
        surfaces.get(s).add(text.substring(Math.max(0, j.begin()), Math.min(text.length(), j.end() + 1)));
        spans.get(s).add(new int[] {j.begin(), j.end()});
      }
    }
  }
}

package dev.parallax.nlp;

import com.johnsnowlabs.collections.SearchTrie$;
import com.johnsnowlabs.nlp.Annotation;
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
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import scala.Option;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * The Spark NLP adapter, and the only class that touches Spark NLP's Scala types.
 *
 * <p>Annotators, all Spark NLP's, built from parameters (no fitting pass, no download):
 * DocumentAssembler → SentenceDetector (custom bounds: sentence-final punctuation not after a known
 * abbreviation, and paragraph breaks) → Tokenizer (splits em/en dashes and hyphens, peels quotes
 * and punctuation, keeps U.S., Mr., Feb. whole) → Normalizer (lowercase; possessive 's and
 * punctuation removed) → Stemmer (Porter-style English) → TextMatcher over stems (the theme
 * phrases, stemmed by this same pipeline).
 *
 * <p>How they run. Sentence boundaries come from {@link SentenceSplitter}, which finds the
 * detector's boundaries in one linear pass (NlpEquivalenceTest proves them equal to the detector's
 * on every text it covers), or, with {@code annotate.sentence_detector: spark-nlp}, from the
 * document assembler and sentence detector run as a {@link LightPipeline} over the text cut into
 * pieces of about {@link #CHUNK_CHARS} characters at paragraph breaks and sentence ends, the
 * detector's own boundaries, so the cut changes no boundary (Spark NLP's sentence detector takes
 * time quadratic in the length of its input). A "sentence" of more than {@link #MAX_CHUNK_CHARS}
 * characters is cut at a space on both paths. Both find the boundaries in the text with the
 * detector's reserved symbols masked ({@link SentenceSplitter#maskReserved}): the detector rewrites
 * those symbols in its output and then cannot find the sentence in its input (begin -1, text not
 * the article's), so a sentence's text is always {@code text.substring(begin, end + 1)}, stripped
 * ({@link Sentence}). The word-level annotators give a word the same annotation wherever it stands:
 * the Tokenizer splits a sentence at {@link #TOKEN_TARGET} and treats each piece on its own, the
 * Normalizer and Stemmer map one token to one result. So each is called, through its own {@code
 * annotate}, once per distinct piece or token of a partition and the result is remembered ({@link
 * Memo}): the output is exactly that of the annotators chained in one pipeline (NlpEquivalenceTest
 * checks this on every sample article and a synthetic corpus), at a fraction of the cost, because
 * news text repeats its words. The TextMatcher runs on the stems of each sentence holding a
 * one-stem phrase or the first two stems of a longer one side by side (no other sentence can match:
 * it matches consecutive stems).
 *
 * <p>Building needs an active SparkSession (Spark NLP's features register with it), so it happens
 * on the driver and the object is shipped to executors by Java serialization.
 */
public final class NlpPipeline implements Serializable {
  private static final long serialVersionUID = 1L;

  static final String ABBREVIATIONS =
      "Mr|Mrs|Ms|Dr|St|No|Nos|Gen|Lt|Col|Sgt|Adm|Sen|Rep|Gov|Pres"
          + "|Prof|Jr|Sr|Inc|Corp|Co|Ltd|vs|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
          + "|U\\.S|U\\.K|U\\.N|E\\.U|e\\.g|i\\.e|a\\.m|p\\.m";

  /**
   * Sentence-final punctuation (plus closing quotes) before a space and a capital or digit. The
   * leading {@code (?=[.!?])} changes no match; it lets the regex engine skip every position that
   * is not punctuation before it tries the costly variable-length lookbehinds (35 times faster over
   * news text).
   */
  static final String SENTENCE_END =
      "(?=[.!?])(?<!\\b(?:"
          + ABBREVIATIONS
          + "))(?<!\\b[A-Z])"
          + "[.!?]+[\"”’)]*(?=\\s+[\"“‘(]?[A-Z0-9])";

  static final String PARAGRAPH = "\\n\\s*\\n";

  /** The Tokenizer's target pattern: the pieces of text it splits into tokens. */
  static final String TOKEN_TARGET = "[^\\s—–\\-]+";

  static final String[] TOKEN_EXCEPTIONS = {
    "U.S.", "U.K.", "U.N.", "E.U.", "Mr.", "Mrs.", "Ms.", "Dr.", "St.", "No.", "Gen.", "Sen.",
    "Rep.", "Gov.", "Prof.", "Jr.", "Sr.", "Inc.", "Corp.", "Co.", "Ltd.", "Jan.", "Feb.", "Mar.",
    "Apr.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.", "e.g.", "i.e.", "a.m.", "p.m."
  };

  /**
   * Text handed to the sentence detector in one piece: about this many characters, cut after a
   * paragraph break or sentence end ({@link #chunks}). Spark NLP's detector checks, at every
   * boundary it finds, the rest of its input for protection markers, so its time grows with the
   * square of the input's length; 1,000-character pieces made annotate twice as fast as whole
   * articles (4,500 characters on average) and 40% faster than 2,500-character pieces.
   */
  static final int CHUNK_CHARS = 1_000;

  /** A sentence longer than this (no sentence end for this long) is cut at a space. */
  static final int MAX_CHUNK_CHARS = 20_000;

  /** Distinct entries a memo holds before it starts over; bounds a task's memory. */
  static final int MEMO_ENTRIES = 200_000;

  /** A paragraph break, or a sentence end and the whitespace after it: where chunks may end. */
  private static final Pattern BREAK = Pattern.compile(PARAGRAPH + "|" + SENTENCE_END + "\\s+");

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final scala.collection.immutable.Map<String, String> NO_METADATA =
      scala.collection.immutable.Map$.MODULE$.empty();

  /** Where sentence boundaries of English text come from ({@code annotate.sentence_detector}). */
  public enum SentenceDetection {
    /** {@link SentenceSplitter}: the detector's boundaries in one linear pass. */
    PARALLAX,
    /** Spark NLP's {@code SentenceDetector}, through a LightPipeline over pieces of the text. */
    SPARK_NLP;

    /** The value of {@code annotate.sentence_detector}: {@code parallax} or {@code spark-nlp}. */
    public static SentenceDetection of(String value) {
      return switch (value) {
        case "parallax" -> PARALLAX;
        case "spark-nlp" -> SPARK_NLP;
        default -> throw new IllegalArgumentException("unknown sentence detector: " + value);
      };
    }
  }

  /**
   * A text whose sentence starts are all closer than this to the next (and to the text's ends) is
   * split whole by {@link SentenceSplitter}: no cut of {@link #chunks} can fall inside one of its
   * sentences, since a cut inside a sentence needs {@code MAX_CHUNK_CHARS - CHUNK_CHARS} characters
   * without a sentence end or paragraph break. Other texts are cut as for Spark NLP first.
   */
  static final int WHOLE_TEXT_MAX_SENTENCE = MAX_CHUNK_CHARS / 2;

  private final SentenceDetection detection;
  private final PipelineModel sentenceModel;
  private final TokenizerModel tokenizer;
  private final NormalizerModel normalizer;
  private final Stemmer stemmer;
  private final TextMatcherModel matcher;
  private transient LightPipeline light;

  /**
   * For each first stem of the matcher's phrases, what may follow it: {@link Next#single} when it
   * is a whole phrase, and the second stems of its longer phrases. The matcher finds a phrase only
   * in consecutive stems, so a sentence where no stem is a one-stem phrase and no two neighbours
   * begin a longer one cannot match, and the matcher is not called for it.
   */
  private final Map<String, Next> phraseStarts;

  /** What may follow a phrase's first stem (see {@link #phraseStarts}). */
  private static final class Next implements Serializable {
    private static final long serialVersionUID = 1L;
    boolean single;
    final java.util.Set<String> seconds = new java.util.HashSet<>();
  }

  private transient Memo<String, Piece> pieces;
  private transient Memo<String, Word> wordsOf;

  private NlpPipeline(
      TextMatcherModel matcher, Map<String, Next> phraseStarts, SentenceDetection detection) {
    this.detection = detection;
    this.sentenceModel =
        new PipelineModel(
            "parallax-sentences", new Transformer[] {documentAssembler(), sentenceDetector()});
    this.tokenizer = tokenizer();
    this.normalizer = normalizer();
    this.stemmer = stemmer();
    this.matcher = matcher;
    this.phraseStarts = phraseStarts;
  }

  /**
   * One sentence's annotations; token lists are aligned where noted.
   *
   * @param begin UTF-16 index of the sentence's first character in the text (Spark NLP's begin)
   * @param end UTF-16 index of its last character, inclusive (Spark NLP's end)
   * @param text {@code text.substring(begin, end + 1)} stripped of Unicode whitespace ({@link
   *     String#strip}); the detector trims only characters up to U+0020, so an ideographic space
   *     (U+3000) at either end lies inside {@code [begin, end]} but outside the text
   */
  public record Sentence(
      int index,
      int begin,
      int end,
      String text,
      List<String> tokens,
      List<String> normalized,
      List<String> stems,
      List<String> matchedStems,
      List<String> matchedText,
      List<int[]> matchedSpans) {}

  /** The pipeline without the theme matcher: used to stem the phrases themselves. */
  static NlpPipeline base() {
    return new NlpPipeline(null, null, SentenceDetection.PARALLAX);
  }

  /** The full pipeline, matching the given stem sequences, with Parallax's sentence splitter. */
  static NlpPipeline withMatcher(List<String[]> stemPhrases) {
    return withMatcher(stemPhrases, SentenceDetection.PARALLAX);
  }

  /** The full pipeline, matching the given stem sequences, with the given sentence detection. */
  static NlpPipeline withMatcher(List<String[]> stemPhrases, SentenceDetection detection) {
    Map<String, Next> starts = new HashMap<>();
    for (String[] phrase : stemPhrases) {
      if (phrase.length == 0) {
        continue;
      }
      Next next = starts.computeIfAbsent(phrase[0], k -> new Next());
      if (phrase.length == 1) {
        next.single = true;
      } else {
        next.seconds.add(phrase[1]);
      }
    }
    return new NlpPipeline(matcher(stemPhrases), starts, detection);
  }

  static DocumentAssembler documentAssembler() {
    DocumentAssembler document = new DocumentAssembler();
    document.setInputCol("text");
    document.setOutputCol("document");
    document.setCleanupMode("disabled");
    return document;
  }

  static SentenceDetector sentenceDetector() {
    SentenceDetector sentences = new SentenceDetector();
    sentences.setInputCols(new String[] {"document"});
    sentences.setOutputCol("sentence");
    sentences.setCustomBounds(new String[] {SENTENCE_END, PARAGRAPH});
    sentences.setUseCustomBoundsOnly(true);
    sentences.setCustomBoundsStrategy("append");
    sentences.setExplodeSentences(false);
    return sentences;
  }

  static TokenizerModel tokenizer() {
    Tokenizer tokenizer = new Tokenizer();
    tokenizer.setTargetPattern(TOKEN_TARGET);
    tokenizer.setContextChars(
        new String[] {
          ".", ",", ";", ":", "!", "?", "*", "(", ")", "\"", "'", "“", "”", "‘", "’", "[", "]", "…"
        });
    // Spark NLP reads exceptions as regular expressions: quote them, or "i.e." matches "ime ".
    tokenizer.setExceptions(
        Arrays.stream(TOKEN_EXCEPTIONS)
            .map(e -> "(?<![\\p{L}.])" + Pattern.quote(e))
            .toArray(String[]::new));
    TokenizerModel tokens = tokenizer.train(null, Option.empty());
    tokens.setInputCols(new String[] {"sentence"});
    tokens.setOutputCol("token");
    return tokens;
  }

  static NormalizerModel normalizer() {
    Normalizer normalizer = new Normalizer();
    normalizer.setLowercase(true);
    normalizer.setCleanupPatterns(new String[] {"['’]s$", "[^\\p{L}\\p{N}.]", "^\\.+|\\.+$"});
    NormalizerModel normal = normalizer.train(null, Option.empty());
    normal.setInputCols(new String[] {"token"});
    normal.setOutputCol("normal");
    return normal;
  }

  static Stemmer stemmer() {
    Stemmer stemmer = new Stemmer();
    stemmer.setInputCols(new String[] {"normal"});
    stemmer.setOutputCol("stem");
    return stemmer;
  }

  static TextMatcherModel matcher(List<String[]> stemPhrases) {
    TextMatcherModel matcher = new TextMatcherModel();
    matcher.setInputCols(new String[] {"sentence", "stem"});
    matcher.setOutputCol("theme");
    matcher.setBuildFromTokens(true);
    matcher.setMergeOverlapping(false);
    matcher.setSearchTrie(SearchTrie$.MODULE$.apply(stemPhrases.toArray(new String[0][]), true));
    return matcher;
  }

  /** The sentences of one text, with tokens, normalised forms, stems and theme matches. */
  public List<Sentence> annotate(String text) {
    return annotate(text, CHUNK_CHARS);
  }

  /** As {@link #annotate(String)}, with pieces of about {@code chunkChars} ({@link #chunks}). */
  List<Sentence> annotate(String text, int chunkChars) {
    if (pieces == null) {
      pieces = new Memo<>(MEMO_ENTRIES);
      wordsOf = new Memo<>(MEMO_ENTRIES);
    }
    List<Sentence> result = new ArrayList<>();
    // boundaries come from the masked text (same length, same offsets); words and sentence text
    // from the text itself, so a sentence's text is always text.substring(begin, end + 1)
    String bounded = SentenceSplitter.maskReserved(text);
    if (detection == SentenceDetection.PARALLAX) {
      int[] whole = SentenceSplitter.split(bounded);
      if (whole != null && sentencesAreShort(whole, text.length())) {
        for (int k = 0; k < whole.length; k += 2) {
          int begin = whole[k];
          int end = whole[k + 1];
          result.add(words(result.size(), begin, end, text.substring(begin, end + 1), text));
        }
        return result;
      }
    }
    int[] bounds = chunks(bounded, chunkChars, MAX_CHUNK_CHARS);
    for (int c = 0; c + 1 < bounds.length; c++) {
      int offset = bounds[c];
      String chunk = text.substring(offset, bounds[c + 1]);
      String boundedChunk = bounded.substring(offset, bounds[c + 1]);
      int[] own =
          detection == SentenceDetection.PARALLAX ? SentenceSplitter.split(boundedChunk) : null;
      if (own != null) {
        for (int k = 0; k < own.length; k += 2) {
          String sentence = chunk.substring(own[k], own[k + 1] + 1);
          result.add(words(result.size(), offset + own[k], offset + own[k + 1], sentence, text));
        }
        continue;
      }
      if (light == null) {
        light = new LightPipeline(sentenceModel, false);
      }
      List<IAnnotation> sentences =
          light.fullAnnotateJava(boundedChunk).getOrDefault("sentence", List.of());
      for (IAnnotation a : sentences) {
        JavaAnnotation s = (JavaAnnotation) a;
        // the detector's result is the masked chunk's text there; the chunk's own is taken
        String sentence = chunk.substring(s.begin(), s.end() + 1);
        result.add(words(result.size(), offset + s.begin(), offset + s.end(), sentence, text));
      }
    }
    return result;
  }

  /**
   * Whether every sentence of {@code bounds} starts less than {@link #WHOLE_TEXT_MAX_SENTENCE}
   * characters after the previous one (the first after the text's start), and the text ends that
   * close after the last one starts.
   */
  static boolean sentencesAreShort(int[] bounds, int length) {
    int previous = 0;
    for (int k = 0; k < bounds.length; k += 2) {
      if (bounds[k] - previous >= WHOLE_TEXT_MAX_SENTENCE) {
        return false;
      }
      previous = bounds[k];
    }
    return length - previous < WHOLE_TEXT_MAX_SENTENCE;
  }

  /** Where this pipeline's sentence boundaries come from. */
  SentenceDetection detection() {
    return detection;
  }

  /**
   * Chunk boundaries of a text: {@code [0, b1, ..., text.length()]}. A chunk ends at the last
   * paragraph break or sentence end (with the whitespace after it) within {@code target}
   * characters; failing that, at the first one within {@code max}; failing that (a run of {@code
   * max} characters without a sentence end), after the last whitespace within {@code max}, or the
   * next one. The sentence detector then never sees more than about {@code target} characters at
   * once unless a sentence is longer, and never splits a sentence shorter than {@code max}.
   */
  static int[] chunks(String text, int target, int max) {
    List<Integer> bounds = new ArrayList<>();
    bounds.add(0);
    int start = 0;
    int n = text.length();
    while (n - start > target) {
      int cut = lastEnd(BREAK, text, start, start + target);
      if (cut < 0) {
        cut = firstEnd(BREAK, text, start + target, Math.min(n, start + max));
      }
      if (cut < 0 && n - start <= max) {
        break;
      }
      if (cut < 0) {
        cut = lastEnd(WHITESPACE, text, start, Math.min(n, start + max));
      }
      if (cut < 0) {
        cut = firstEnd(WHITESPACE, text, start + max, n);
      }
      if (cut < 0) {
        break;
      }
      while (cut < n && Character.isWhitespace(text.charAt(cut))) {
        cut++;
      }
      if (cut >= n) {
        break;
      }
      bounds.add(cut);
      start = cut;
    }
    bounds.add(n);
    return bounds.stream().mapToInt(Integer::intValue).toArray();
  }

  /** End of the last match of {@code p} that ends within (from, to], or -1. */
  private static int lastEnd(Pattern p, String text, int from, int to) {
    Matcher m = p.matcher(text).region(from, to).useTransparentBounds(true);
    int end = -1;
    while (m.find()) {
      if (m.end() > from) {
        end = m.end();
      }
    }
    return end;
  }

  /** End of the first match of {@code p} that ends within (from, to], or -1. */
  private static int firstEnd(Pattern p, String text, int from, int to) {
    if (from >= to) {
      return -1;
    }
    Matcher m = p.matcher(text).region(from, to).useTransparentBounds(true);
    return m.find() ? m.end() : -1;
  }

  /**
   * A tokenised piece of text: tokens, their offsets in the piece, and each token's normalised form
   * and stem, looked up once when the piece is first seen.
   */
  @SuppressWarnings("ArrayRecordComponent") // a hot-path memo value, never compared or hashed
  private record Piece(String[] tokens, int[] begins, Word[] words) {}

  /**
   * Tokens, normalised forms, stems and matches of one sentence, as the Tokenizer, Normalizer,
   * Stemmer and TextMatcher give them for the sentence {@code [begin, end]} of {@code text}.
   */
  private Sentence words(int index, int begin, int end, String result, String text) {
    List<String> tokens = new ArrayList<>();
    List<String> normal = new ArrayList<>();
    List<String> stems = new ArrayList<>();
    List<String> stemResults = new ArrayList<>();
    int[] spans = new int[32];
    boolean mayMatch = false;
    Next previous = null;
    int n = result.length();
    int i = 0;
    while (i < n) {
      // the pieces TOKEN_TARGET finds: runs of characters that are neither \s nor a dash
      while (i < n && !isTargetChar(result.charAt(i))) {
        i++;
      }
      int from = i;
      while (i < n && isTargetChar(result.charAt(i))) {
        i++;
      }
      if (from == i) {
        break;
      }
      Piece piece = pieces.get(result.substring(from, i), this::tokenize);
      for (int t = 0; t < piece.tokens().length; t++) {
        tokens.add(piece.tokens()[t]);
        Word w = piece.words()[t];
        if (w.normal().isEmpty()) {
          continue;
        }
        normal.add(w.normal());
        if (!w.stem().isEmpty()) {
          stems.add(w.stem());
        }
        int k = stemResults.size();
        if (2 * k + 2 > spans.length) {
          spans = Arrays.copyOf(spans, 2 * spans.length);
        }
        int tokenBegin = begin + from + piece.begins()[t];
        spans[2 * k] = tokenBegin;
        spans[2 * k + 1] = tokenBegin + w.normal().length() - 1;
        stemResults.add(w.stem());
        mayMatch |=
            (w.next() != null && w.next().single)
                || (previous != null && previous.seconds.contains(w.stem()));
        previous = w.next();
      }
    }
    List<Annotation> stemAnnotations = new ArrayList<>();
    if (mayMatch) {
      for (int k = 0; k < stemResults.size(); k++) {
        stemAnnotations.add(
            annotation("token", spans[2 * k], spans[2 * k + 1], stemResults.get(k)));
      }
    }
    List<String> matchStems = new ArrayList<>();
    List<String> matchText = new ArrayList<>();
    List<int[]> matchSpans = new ArrayList<>();
    if (!stemAnnotations.isEmpty()) {
      List<Annotation> input = new ArrayList<>(stemAnnotations.size() + 1);
      input.add(annotation("document", begin, end, result));
      input.addAll(stemAnnotations);
      for (Annotation a : JavaConverters.seqAsJavaList(matcher.annotate(seq(input)))) {
        if (a.result().isEmpty()) {
          continue;
        }
        matchStems.add(a.result());
        matchText.add(text.substring(Math.max(0, a.begin()), Math.min(text.length(), a.end() + 1)));
        matchSpans.add(new int[] {a.begin(), a.end()});
      }
    }
    return new Sentence(
        index,
        begin,
        end,
        result.strip(),
        tokens,
        normal,
        stems,
        matchStems,
        matchText,
        matchSpans);
  }

  /**
   * The Tokenizer's tokens of a stretch of a sentence (the words outside a quotation, the words of
   * a quote), as {@link #annotate} tokenises the same characters: the Tokenizer treats each run of
   * characters that are neither whitespace nor a dash on its own, so a stretch cut at such a run's
   * edges gets exactly the sentence's tokens there.
   */
  public List<String> tokens(String fragment) {
    if (pieces == null) {
      pieces = new Memo<>(MEMO_ENTRIES);
      wordsOf = new Memo<>(MEMO_ENTRIES);
    }
    List<String> tokens = new ArrayList<>();
    int n = fragment.length();
    int i = 0;
    while (i < n) {
      while (i < n && !isTargetChar(fragment.charAt(i))) {
        i++;
      }
      int from = i;
      while (i < n && isTargetChar(fragment.charAt(i))) {
        i++;
      }
      if (from == i) {
        break;
      }
      Collections.addAll(tokens, pieces.get(fragment.substring(from, i), this::tokenize).tokens());
    }
    return tokens;
  }

  /** The Tokenizer on one piece (no whitespace, no dash) as its own sentence. */
  private Piece tokenize(String raw) {
    List<Annotation> out =
        JavaConverters.seqAsJavaList(
            tokenizer.annotate(seq(List.of(annotation("document", 0, raw.length() - 1, raw)))));
    List<String> tokens = new ArrayList<>(out.size());
    List<Integer> begins = new ArrayList<>(out.size());
    for (Annotation a : out) {
      if (!a.result().isEmpty()) {
        tokens.add(a.result());
        begins.add(a.begin());
      }
    }
    Word[] words = new Word[tokens.size()];
    for (int t = 0; t < words.length; t++) {
      words[t] = wordsOf.get(tokens.get(t), this::word);
    }
    return new Piece(
        tokens.toArray(new String[0]),
        begins.stream().mapToInt(Integer::intValue).toArray(),
        words);
  }

  /**
   * A token's normalised form (empty when the Normalizer drops it), that form's stem, and what may
   * follow the stem in a phrase of the matcher (null when no phrase begins with it).
   */
  private record Word(String normal, String stem, Next next) {}

  private Word word(String token) {
    String n = normalize(token);
    String stem = n.isEmpty() ? "" : stem(n);
    return new Word(n, stem, phraseStarts == null ? null : phraseStarts.get(stem));
  }

  /** Characters of the Tokenizer's target pattern {@link #TOKEN_TARGET}: not \s, not a dash. */
  static boolean isTargetChar(char c) {
    return !(SentenceSplitter.isSpace(c) || c == '—' || c == '–' || c == '-');
  }

  /** The Normalizer on one token; empty when it drops the token. */
  private String normalize(String token) {
    return single(
        normalizer.annotate(seq(List.of(annotation("token", 0, token.length() - 1, token)))));
  }

  /** The Stemmer on one normalised token. */
  private String stem(String normal) {
    return single(
        stemmer.annotate(seq(List.of(annotation("token", 0, normal.length() - 1, normal)))));
  }

  private static String single(Seq<Annotation> out) {
    List<Annotation> l = JavaConverters.seqAsJavaList(out);
    if (l.size() > 1) {
      throw new IllegalStateException("expected one annotation per token, got " + l.size());
    }
    return l.isEmpty() ? "" : l.get(0).result();
  }

  private static Annotation annotation(String type, int begin, int end, String result) {
    return new Annotation(type, begin, end, result, NO_METADATA, new float[0]);
  }

  private static Seq<Annotation> seq(List<Annotation> annotations) {
    return JavaConverters.asScalaBuffer(annotations).toList();
  }

  /**
   * A remembered function: a plain map that starts over when it holds {@code max} entries, so a
   * task never holds more than that many (the next lookups refill it with the current words).
   */
  static final class Memo<K, V> {
    private final Map<K, V> map = new HashMap<>();
    private final int max;

    Memo(int max) {
      this.max = max;
    }

    V get(K key, java.util.function.Function<K, V> compute) {
      V v = map.get(key);
      if (v == null) {
        v = compute.apply(key);
        if (map.size() >= max) {
          map.clear();
        }
        map.put(key, v);
      }
      return v;
    }

    int size() {
      return map.size();
    }
  }
}

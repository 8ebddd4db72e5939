package dev.parallax.compare;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.parallax.warehouse.schema.DistinctiveTermsColumns;
import dev.parallax.warehouse.schema.SentencesColumns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.ml.feature.StopWordsRemover;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The {@code distinctive_terms} table: the words and word pairs that set a source apart from the
 * rest of its story, by the weighted log-odds ratio with an informative Dirichlet prior (Monroe,
 * Colaresi and Quinn 2008, "Fightin' Words").
 *
 * <p>Terms: unigrams of the {@code tokens} column, minus Spark's English stop words ({@link
 * StopWordsRemover#loadDefaultStopWords}, compared case-insensitively) plus {@link
 * #EXTRA_STOP_WORDS} (honorifics such as "mr"), and tokens without a letter; and bigrams, "first
 * second" for adjacent tokens of a sentence of which neither is removed. Unigrams and bigrams share
 * one vocabulary: a source's total {@code source_terms} counts both. Each term of a source is
 * scored against the rest of its story: {@code y_I = count_source}, {@code n_I = source_terms},
 * {@code y_J = count_rest}, {@code n_J = rest_terms}, prior {@code alpha_w = alpha0 · count_story /
 * story_terms} ({@link Statistics#priorAlpha}), {@code alpha0 = compare.prior_scale}; {@code
 * log_odds} is delta (natural log), {@code z_score} its z.
 *
 * <p>Languages. Sources are compared within one language only: the counts are kept by story ×
 * source × language ({@code sentences.language}), and "the story" above is the story's sentences in
 * that language, so the rest of a Japanese source is the other sources' Japanese sentences and its
 * prior is pooled over the story's Japanese. Compared with every other source, a source in another
 * language than the rest would have all its words to itself and every one would look distinctive. A
 * source that writes in several languages (articles in English and in Japanese) is scored once per
 * language, each part of it against the rest of that language, and has a set of rows per language.
 * A source with no other source of its story in its language has no rest and gets no rows for that
 * language, as a story with a single source gets none. Sentences without a language are a language
 * of their own, compared with each other.
 *
 * <p>Grain: story × source × language × term, only terms the source uses whose count in the story
 * (that language) is at least {@code compare.min_term_count}, the {@code compare.top_terms} with
 * the highest z per source and language ({@code rank} 1 = most distinctive, ties by term).
 */
public final class DistinctiveTerms {
  private DistinctiveTerms() {}

  /** Honorifics and clipped forms the tokenizer yields that Spark's list lacks. */
  static final List<String> EXTRA_STOP_WORDS =
      List.of("mr", "mrs", "ms", "dr", "s", "t", "ll", "ve", "re", "d", "m");

  private static final String[] STOP_WORDS =
      java.util.stream.Stream.concat(
              Arrays.stream(StopWordsRemover.loadDefaultStopWords("english")),
              EXTRA_STOP_WORDS.stream())
          .distinct()
          .toArray(String[]::new);

  /**
   * Distinct (story, source, language, term) keys a task counts before handing them on ({@link
   * #counts}).
   */
  static final int MAX_PARTIAL_COUNTS = 300_000;

  /** Columns of the sentences table the terms are counted from. */
  static final List<String> INPUT =
      List.of(
          SentencesColumns.STORY,
          SentencesColumns.SOURCE,
          SentencesColumns.LANGUAGE,
          SentencesColumns.TOKENS);

  private static final int STORY_AT = INPUT.indexOf(SentencesColumns.STORY);
  private static final int SOURCE_AT = INPUT.indexOf(SentencesColumns.SOURCE);
  private static final int LANGUAGE_AT = INPUT.indexOf(SentencesColumns.LANGUAGE);
  private static final int TOKENS_AT = INPUT.indexOf(SentencesColumns.TOKENS);

  /** Columns of {@link #counts}. */
  static final StructType COUNTS =
      new StructType()
          .add(DistinctiveTermsColumns.STORY, DataTypes.StringType, false)
          .add(DistinctiveTermsColumns.SOURCE, DataTypes.StringType, false)
          .add(DistinctiveTermsColumns.LANGUAGE, DataTypes.StringType, true)
          .add(DistinctiveTermsColumns.TERM, DataTypes.StringType, false)
          .add(DistinctiveTermsColumns.COUNT_SOURCE, DataTypes.LongType, false);

  private static final int COUNTS_STORY_AT = COUNTS.fieldIndex(DistinctiveTermsColumns.STORY);
  private static final int COUNTS_SOURCE_AT = COUNTS.fieldIndex(DistinctiveTermsColumns.SOURCE);
  private static final int COUNTS_LANGUAGE_AT = COUNTS.fieldIndex(DistinctiveTermsColumns.LANGUAGE);
  private static final int COUNTS_TERM_AT = COUNTS.fieldIndex(DistinctiveTermsColumns.TERM);
  private static final int COUNTS_COUNT_AT =
      COUNTS.fieldIndex(DistinctiveTermsColumns.COUNT_SOURCE);

  /**
   * The table ({@link DistinctiveTermsColumns#SCHEMA}) from rows of the sentences table (columns
   * {@link #INPUT} are read).
   */
  public static Dataset<Row> compute(Dataset<Row> sentences, CompareParams params) {
    return score(counts(sentences, MAX_PARTIAL_COUNTS), params);
  }

  /**
   * Term counts per story × source × language: each task counts the terms of its sentences in a
   * hash table ({@link TermCounter}; it hands the counts on and starts over whenever it holds
   * {@code maxPartial} keys, distinct tokens or (story, source, language) parts, which bounds its
   * memory), and the partial counts are summed by key. The same counts as exploding every
   * sentence's terms into rows, at a fraction of the cost: Spark evaluates the higher-order array
   * functions that would pick the terms row by row without code generation.
   */
  static Dataset<Row> counts(Dataset<Row> sentences, int maxPartial) {
    Dataset<Row> in =
        sentences.select(
            INPUT.stream()
                .map(org.apache.spark.sql.functions::col)
                .toArray(org.apache.spark.sql.Column[]::new));
    // Spark's internal rows: tokens are read as UTF-8 bytes, not decoded into a String each
    JavaRDD<Row> partial =
        in.queryExecution()
            .toRdd()
            .toJavaRDD()
            .mapPartitions(new TermCounter(STOP_WORDS, maxPartial));
    // shuffled once, by the key of score's per-term window (a subset of the grouping key, so the
    // sum by key needs no second exchange, and the window none either)
    return in.sparkSession()
        .createDataFrame(partial, COUNTS)
        .repartition(col("story"), col("language"), col("term"))
        .groupBy("story", "source", "language", "term")
        .agg(sum("count_source").as("count_source"));
  }

  /**
   * The terms of one sentence: its tokens that are neither stop words (compared in lower case) nor
   * free of letters, then "first second" for each two adjacent tokens both kept.
   */
  static List<String> terms(List<String> tokens, Set<String> stopWords) {
    List<String> terms = new ArrayList<>(2 * tokens.size());
    String previous = null;
    List<String> pairs = new ArrayList<>(tokens.size());
    for (String t : tokens) {
      String kept = t != null && isKept(t, stopWords) ? t : null;
      if (kept != null) {
        terms.add(kept);
        if (previous != null) {
          pairs.add(previous + " " + kept);
        }
      }
      previous = kept;
    }
    terms.addAll(pairs);
    return terms;
  }

  /** A token that can be a term: not a stop word (compared in lower case), holding a letter. */
  static boolean isKept(String token, Set<String> stopWords) {
    return !stopWords.contains(token.toLowerCase(Locale.ROOT)) && hasLetter(token);
  }

  /** True when the token holds a letter ({@code \\p{L}}: Unicode category L). */
  static boolean hasLetter(String t) {
    for (int i = 0; i < t.length(); ) {
      int cp = t.codePointAt(i);
      if (Character.isLetter(cp)) {
        return true;
      }
      i += Character.charCount(cp);
    }
    return false;
  }

  /**
   * Counts terms by task, over Spark's internal rows ({@link #INPUT}). Each distinct token, as
   * UTF-8 bytes, is looked up once per task in a dictionary that gives it a number and says whether
   * it is kept (not a stop word, holds a letter); a unigram or bigram of a part (story, source,
   * language) is then a number (part, first token, second token) counted in an open-addressing
   * table, so no token is decoded and no bigram string built until the counts are handed on. Same
   * counts as {@link #terms} on each sentence, summed.
   */
  @SuppressWarnings("ArrayRecordComponent") // a task function, never compared or hashed
  private record TermCounter(String[] stopWords, int maxPartial)
      implements FlatMapFunction<Iterator<InternalRow>, Row> {
    TermCounter {
      if (maxPartial < 1 || maxPartial > MAX_TOKEN_IDS / 2) {
        throw new IllegalArgumentException(
            "maxPartial must be in [1, " + MAX_TOKEN_IDS / 2 + "]: " + maxPartial);
      }
    }

    @Override
    public Iterator<Row> call(Iterator<InternalRow> rows) {
      Set<String> stop = new HashSet<>();
      for (String w : stopWords) {
        stop.add(w.toLowerCase(Locale.ROOT));
      }
      return new Iterator<>() {
        /** Token → its number, negative (−1 − number) when the token is not kept. */
        private final Map<UTF8String, Integer> tokenIds = new HashMap<>();

        private final List<String> tokens = new ArrayList<>();
        private final Map<List<String>, Integer> sourceIds = new HashMap<>();
        private final List<List<String>> sources = new ArrayList<>();

        /**
         * The previous row's story, source, language (copies: Spark reuses its row buffers) and
         * number.
         */
        private UTF8String lastStory;

        private UTF8String lastSource;
        private UTF8String lastLanguage;
        private long lastSourceId = -1;
        private final LongCounts counts = new LongCounts();
        private Iterator<Row> out = Collections.emptyIterator();

        @Override
        public boolean hasNext() {
          while (!out.hasNext()) {
            if (!rows.hasNext() && counts.size() == 0) {
              return false;
            }
            while (rows.hasNext()
                && counts.size() < maxPartial
                && tokens.size() < maxPartial
                && sources.size() < maxPartial) {
              add(rows.next());
            }
            out = drain().iterator();
          }
          return true;
        }

        @Override
        public Row next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          return out.next();
        }

        private void add(InternalRow r) {
          if (r.isNullAt(TOKENS_AT)) {
            return;
          }
          long source =
              sourceId(
                  r.isNullAt(STORY_AT) ? null : r.getUTF8String(STORY_AT),
                  r.isNullAt(SOURCE_AT) ? null : r.getUTF8String(SOURCE_AT),
                  r.isNullAt(LANGUAGE_AT) ? null : r.getUTF8String(LANGUAGE_AT));
          ArrayData list = r.getArray(TOKENS_AT);
          long previous = -1;
          for (int i = 0; i < list.numElements(); i++) {
            long id = list.isNullAt(i) ? -1 : idOf(list.getUTF8String(i));
            if (id >= 0) {
              counts.increment(key(source, id, UNIGRAM));
              if (previous >= 0) {
                counts.increment(key(source, previous, id));
              }
            }
            previous = id;
          }
        }

        private long sourceId(UTF8String story, UTF8String source, UTF8String language) {
          if (lastSourceId >= 0
              && Objects.equals(story, lastStory)
              && Objects.equals(source, lastSource)
              && Objects.equals(language, lastLanguage)) {
            return lastSourceId;
          }
          List<String> key =
              Arrays.asList(
                  story == null ? null : story.toString(),
                  source == null ? null : source.toString(),
                  language == null ? null : language.toString());
          lastStory = story == null ? null : story.clone();
          lastSource = source == null ? null : source.clone();
          lastLanguage = language == null ? null : language.clone();
          lastSourceId =
              sourceIds.computeIfAbsent(
                  key,
                  k -> {
                    sources.add(k);
                    return sources.size() - 1;
                  });
          return lastSourceId;
        }

        private int idOf(UTF8String bytes) {
          Integer id = tokenIds.get(bytes);
          if (id == null) {
            String token = bytes.toString();
            boolean kept = isKept(token, stop);
            tokens.add(token);
            id = kept ? tokens.size() - 1 : -tokens.size();
            tokenIds.put(bytes.clone(), id);
          }
          return id;
        }

        private List<Row> drain() {
          List<Row> rowsOut = new ArrayList<>(counts.size());
          counts.forEach(
              (key, count) -> {
                List<String> source = sources.get((int) (key >>> (2 * TOKEN_BITS)));
                int first = (int) ((key >>> TOKEN_BITS) & UNIGRAM);
                int second = (int) (key & UNIGRAM);
                String term =
                    second == UNIGRAM
                        ? tokens.get(first)
                        : tokens.get(first) + " " + tokens.get(second);
                Object[] row = new Object[COUNTS.size()];
                row[COUNTS_STORY_AT] = source.get(0);
                row[COUNTS_SOURCE_AT] = source.get(1);
                row[COUNTS_LANGUAGE_AT] = source.get(2);
                row[COUNTS_TERM_AT] = term;
                row[COUNTS_COUNT_AT] = count;
                rowsOut.add(RowFactory.create(row));
              });
          counts.clear();
          tokenIds.clear();
          tokens.clear();
          sourceIds.clear();
          sources.clear();
          lastSourceId = -1;
          return rowsOut;
        }
      };
    }

    private static long key(long source, long first, long second) {
      return source << (2 * TOKEN_BITS) | first << TOKEN_BITS | second;
    }
  }

  /** Bits of a token number in a term key; the all-ones number marks a unigram. */
  private static final int TOKEN_BITS = 22;

  private static final long UNIGRAM = (1L << TOKEN_BITS) - 1;

  /** Token numbers a task may hand out before it hands its counts on (well inside the bits). */
  private static final int MAX_TOKEN_IDS = 1 << (TOKEN_BITS - 1);

  /**
   * Scores each story × source × language × term count against the rest of the story in that
   * language and ranks them: the table's columns.
   */
  static Dataset<Row> score(Dataset<Row> counts, CompareParams params) {
    // a part's and a story-language's term totals are small tables: joined by broadcast, not by
    // shuffling and sorting every count as a window over (story, source, language) or (story,
    // language) would; null-safe, as sentences without a language are a language of their own
    Dataset<Row> sourceTotals =
        counts
            .groupBy(
                col("story").as("total_story"),
                col("source").as("total_source"),
                col("language").as("total_language"))
            .agg(sum("count_source").as("source_terms"));
    Dataset<Row> storyTotals =
        sourceTotals
            .groupBy(
                col("total_story").as("story_total_story"),
                col("total_language").as("story_total_language"))
            .agg(sum("source_terms").as("story_terms"));
    Dataset<Row> scored =
        counts
            .withColumn(
                "count_story",
                sum("count_source").over(Window.partitionBy("story", "language", "term")))
            .where(col("count_story").geq(params.minTermCount()))
            .join(
                broadcast(sourceTotals),
                col("story")
                    .eqNullSafe(col("total_story"))
                    .and(col("source").eqNullSafe(col("total_source")))
                    .and(col("language").eqNullSafe(col("total_language"))))
            .join(
                broadcast(storyTotals),
                col("story")
                    .eqNullSafe(col("story_total_story"))
                    .and(col("language").eqNullSafe(col("story_total_language"))))
            // no other source in the language: no rest, no rows
            .where(col("story_terms").gt(col("source_terms")))
            .withColumn("count_rest", col("count_story").minus(col("count_source")))
            .withColumn("rest_terms", col("story_terms").minus(col("source_terms")))
            .withColumn(
                "prior_alpha",
                col("count_story")
                    .cast("double")
                    .multiply(params.priorScale())
                    .divide(col("story_terms").cast("double")))
            .withColumn(
                "log_odds",
                LogOdds.delta(
                    col("count_source"),
                    col("source_terms"),
                    col("count_story"),
                    col("story_terms"),
                    params.priorScale()))
            .withColumn(
                "z_score",
                LogOdds.z(
                    col("count_source"),
                    col("source_terms"),
                    col("count_story"),
                    col("story_terms"),
                    params.priorScale()))
            .withColumn(
                "rank",
                row_number()
                    .over(
                        Window.partitionBy("story", "source", "language")
                            .orderBy(col("z_score").desc_nulls_last(), col("term").asc())))
            .where(col("rank").leq(params.topTerms()));

    return scored
        .withColumn(
            DistinctiveTermsColumns.NGRAM,
            when(col("term").contains(" "), 2).otherwise(1).cast("long"))
        .withColumn(DistinctiveTermsColumns.RANK, col("rank").cast("long"))
        .select(
            Arrays.stream(DistinctiveTermsColumns.SCHEMA.fieldNames())
                .map(org.apache.spark.sql.functions::col)
                .toArray(org.apache.spark.sql.Column[]::new));
  }

  /** Spark's default English stop words (a copy). */
  static String[] stopWords() {
    return STOP_WORDS.clone();
  }
}

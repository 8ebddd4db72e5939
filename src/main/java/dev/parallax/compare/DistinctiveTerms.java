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
 * <p>Grain: story × source × term, only terms the source uses whose story count is at least {@code
 * compare.min_term_count}, the {@code compare.top_terms} with the highest z per source ({@code
 * rank} 1 = most distinctive, ties by term). A story with a single source has no rest to compare
 * with and gets no rows.
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

  /** Distinct (story, source, term) keys a task counts before handing them on ({@link #counts}). */
  static final int MAX_PARTIAL_COUNTS = 300_000;

  /** Columns of the sentences table the terms are counted from. */
  static final List<String> INPUT =
      List.of(SentencesColumns.STORY, SentencesColumns.SOURCE, SentencesColumns.TOKENS);

  private static final int STORY_AT = INPUT.indexOf(SentencesColumns.STORY);
  private static final int SOURCE_AT = INPUT.indexOf(SentencesColumns.SOURCE);
  private static final int TOKENS_AT = INPUT.indexOf(SentencesColumns.TOKENS);

  /** Columns of {@link #counts}. */
  static final StructType COUNTS =
      new StructType()
          .add(DistinctiveTermsColumns.STORY, DataTypes.StringType, false)
          .add(DistinctiveTermsColumns.SOURCE, DataTypes.StringType, false)
          .add(DistinctiveTermsColumns.TERM, DataTypes.StringType, false)
          .add(DistinctiveTermsColumns.COUNT_SOURCE, DataTypes.LongType, false);

  private static final int COUNTS_STORY_AT = COUNTS.fieldIndex(DistinctiveTermsColumns.STORY);
  private static final int COUNTS_SOURCE_AT = COUNTS.fieldIndex(DistinctiveTermsColumns.SOURCE);
  private static final int COUNTS_TERM_AT = COUNTS.fieldIndex(DistinctiveTermsColumns.TERM);
  private static final int COUNTS_COUNT_AT =
      COUNTS.fieldIndex(DistinctiveTermsColumns.COUNT_SOURCE);

  /**
   * The table ({@link DistinctiveTermsColumns#SCHEMA}) from rows of the sentences table (columns
   * {@link #INPUT} are read, and {@code language} for the source's language, {@link
   * StanceGroups#languages}).
   */
  public static Dataset<Row> compute(Dataset<Row> sentences, CompareParams params) {
    Dataset<Row> scored = score(counts(sentences, MAX_PARTIAL_COUNTS), params);
    // one row per story × source, broadcast; language is the one column score does not make
    Dataset<Row> langs =
        StanceGroups.languages(sentences)
            .toDF("_story", "_source", DistinctiveTermsColumns.LANGUAGE);
    return scored
        .join(
            broadcast(langs),
            col("story").eqNullSafe(col("_story")).and(col("source").eqNullSafe(col("_source"))),
            "left")
        .select(
            Arrays.stream(DistinctiveTermsColumns.SCHEMA.fieldNames())
                .map(org.apache.spark.sql.functions::col)
                .toArray(org.apache.spark.sql.Column[]::new));
  }

  /**
   * Term counts per story × source: each task counts the terms of its sentences in a hash table
   * ({@link TermCounter}; it hands the counts on and starts over whenever it holds {@code
   * maxPartial} keys, distinct tokens or sources, which bounds its memory), and the partial counts
   * are summed by key. The same counts as exploding every sentence's terms into rows, at a fraction
   * of the cost: Spark evaluates the higher-order array functions that would pick the terms row by
   * row without code generation.
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
    return in.sparkSession()
        .createDataFrame(partial, COUNTS)
        .groupBy("story", "source", "term")
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
   * Counts terms by task, over Spark's internal rows (story, source, tokens). Each distinct token,
   * as UTF-8 bytes, is looked up once per task in a dictionary that gives it a number and says
   * whether it is kept (not a stop word, holds a letter); a unigram or bigram of a source is then a
   * number (source, first token, second token) counted in an open-addressing table, so no token is
   * decoded and no bigram string built until the counts are handed on. Same counts as {@link
   * #terms} on each sentence, summed.
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

        /** The previous row's story, source (copies: Spark reuses its row buffers) and number. */
        private UTF8String lastStory;

        private UTF8String lastSource;
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
                  r.isNullAt(SOURCE_AT) ? null : r.getUTF8String(SOURCE_AT));
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

        private long sourceId(UTF8String story, UTF8String source) {
          if (lastSourceId >= 0
              && Objects.equals(story, lastStory)
              && Objects.equals(source, lastSource)) {
            return lastSourceId;
          }
          List<String> key =
              Arrays.asList(
                  story == null ? null : story.toString(),
                  source == null ? null : source.toString());
          lastStory = story == null ? null : story.clone();
          lastSource = source == null ? null : source.clone();
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
   * Counts by long key: an open-addressing table (linear probing), a zero count marking a free
   * slot. Grows at half full.
   */
  static final class LongCounts {
    private long[] keys = new long[1 << 12];
    private long[] values = new long[1 << 12];
    private int size;

    int size() {
      return size;
    }

    void increment(long key) {
      int mask = keys.length - 1;
      int i = slot(key, mask);
      while (values[i] != 0) {
        if (keys[i] == key) {
          values[i]++;
          return;
        }
        i = (i + 1) & mask;
      }
      keys[i] = key;
      values[i] = 1;
      if (++size > keys.length / 2) {
        grow();
      }
    }

    long get(long key) {
      int mask = keys.length - 1;
      for (int i = slot(key, mask); values[i] != 0; i = (i + 1) & mask) {
        if (keys[i] == key) {
          return values[i];
        }
      }
      return 0;
    }

    void forEach(java.util.function.BiConsumer<Long, Long> action) {
      for (int i = 0; i < keys.length; i++) {
        if (values[i] != 0) {
          action.accept(keys[i], values[i]);
        }
      }
    }

    void clear() {
      keys = new long[1 << 12];
      values = new long[1 << 12];
      size = 0;
    }

    private void grow() {
      long[] oldKeys = keys;
      long[] oldValues = values;
      keys = new long[2 * oldKeys.length];
      values = new long[2 * oldKeys.length];
      int mask = keys.length - 1;
      for (int j = 0; j < oldKeys.length; j++) {
        if (oldValues[j] != 0) {
          int i = slot(oldKeys[j], mask);
          while (values[i] != 0) {
            i = (i + 1) & mask;
          }
          keys[i] = oldKeys[j];
          values[i] = oldValues[j];
        }
      }
    }

    private static int slot(long key, int mask) {
      long h = key * 0x9E3779B97F4A7C15L;
      return (int) (h ^ (h >>> 32)) & mask;
    }
  }

  /**
   * Scores each story × source × term count against the rest of its story and ranks them: every
   * column of the table but {@code language}, which {@link #compute} adds.
   */
  static Dataset<Row> score(Dataset<Row> counts, CompareParams params) {
    // a source's and a story's term totals are small tables: joined by broadcast, not by
    // shuffling and sorting every count as a window over (story, source) or (story) would
    Dataset<Row> sourceTotals =
        counts
            .groupBy(col("story").as("total_story"), col("source").as("total_source"))
            .agg(sum("count_source").as("source_terms"));
    Dataset<Row> storyTotals =
        sourceTotals
            .groupBy(col("total_story").as("story_total_story"))
            .agg(sum("source_terms").as("story_terms"));
    Dataset<Row> scored =
        counts
            .withColumn(
                "count_story", sum("count_source").over(Window.partitionBy("story", "term")))
            .where(col("count_story").geq(params.minTermCount()))
            .join(
                broadcast(sourceTotals),
                col("story")
                    .eqNullSafe(col("total_story"))
                    .and(col("source").eqNullSafe(col("total_source"))))
            .join(broadcast(storyTotals), col("story").eqNullSafe(col("story_total_story")))
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
                        Window.partitionBy("story", "source")
                            .orderBy(col("z_score").desc_nulls_last(), col("term").asc())))
            .where(col("rank").leq(params.topTerms()));

    return scored
        .withColumn(
            DistinctiveTermsColumns.NGRAM,
            when(col("term").contains(" "), 2).otherwise(1).cast("long"))
        .withColumn(DistinctiveTermsColumns.RANK, col("rank").cast("long"))
        .select(
            Arrays.stream(DistinctiveTermsColumns.SCHEMA.fieldNames())
                .filter(c -> !c.equals(DistinctiveTermsColumns.LANGUAGE))
                .map(org.apache.spark.sql.functions::col)
                .toArray(org.apache.spark.sql.Column[]::new));
  }

  /** Spark's default English stop words (a copy). */
  static String[] stopWords() {
    return STOP_WORDS.clone();
  }
}

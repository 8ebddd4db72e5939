package dev.parallax.compare;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.zip_with;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.feature.StopWordsRemover;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The {@code distinctive_terms} table: the words and word pairs that set a source apart from the
 * rest of its story, by the weighted log-odds ratio with an informative Dirichlet prior (Monroe,
 * Colaresi and Quinn 2008, "Fightin' Words").
 *
 * <p>Terms: unigrams of the {@code tokens} column, minus Spark's English stop words
 * ({@link StopWordsRemover#loadDefaultStopWords}, compared case-insensitively) plus
 * {@link #EXTRA_STOP_WORDS} (honorifics such as "mr"), and tokens without
 * a letter; and bigrams, "first second" for adjacent tokens of a sentence of which neither is
 * removed. Unigrams and bigrams share one vocabulary: a source's total {@code source_terms} counts
 * both. Each term of a source is scored against the rest of its story:
 * {@code y_I = count_source}, {@code n_I = source_terms}, {@code y_J = count_rest},
 * {@code n_J = rest_terms}, prior {@code alpha_w = alpha0 · count_story / story_terms}
 * ({@link Statistics#priorAlpha}), {@code alpha0 = compare.prior_scale}; {@code log_odds} is delta
 * (natural log), {@code z_score} its z.
 *
 * <p>Grain: story × source × term, only terms the source uses whose story count is at least
 * {@code compare.min_term_count}, the {@code compare.top_terms} with the highest z per source
 * ({@code rank} 1 = most distinctive, ties by term). A story with a single source has no rest to
 * compare with and gets no rows.
 */
public final class DistinctiveTerms {
  private DistinctiveTerms() {}

  /** Honorifics and clipped forms the tokenizer yields that Spark's list lacks. */
  static final List<String> EXTRA_STOP_WORDS = List.of("mr", "mrs", "ms", "dr", "s", "t", "ll",
      "ve", "re", "d", "m");

  private static final String[] STOP_WORDS = java.util.stream.Stream.concat(
      Arrays.stream(StopWordsRemover.loadDefaultStopWords("english")), EXTRA_STOP_WORDS.stream())
      .distinct().toArray(String[]::new);

  /** The table from rows of the sentences table (story, source, tokens are read). */
  public static Dataset<Row> compute(Dataset<Row> sentences, CompareParams params) {
    // isin over literals becomes a hash-set lookup (Spark's OptimizeIn); array_contains on a
    // literal array scanned all ~190 stop words for every token
    Object[] stop = STOP_WORDS.clone();
    Column kept = transform(coalesce(col("tokens"), Columns.emptyStrings()),
        t -> when(lower(t).isin(stop).unary_$bang().and(t.rlike("\\p{L}")), t));
    Column pairs = greatest(size(col("kept")).minus(1), lit(0));
    Column bigrams = zip_with(slice(col("kept"), lit(1), pairs), slice(col("kept"), lit(2), pairs),
        (x, y) -> concat(x, lit(" "), y));
    Column terms = filter(concat(col("kept"), bigrams), t -> t.isNotNull());

    Dataset<Row> counts = sentences
        .select(col("story"), col("source"), kept.as("kept"))
        .select(col("story"), col("source"), explode(terms).as("term"))
        .groupBy("story", "source", "term")
        .agg(count(lit(1)).as("count_source"));

    Dataset<Row> scored = counts
        .withColumn("source_terms", sum("count_source").over(Window.partitionBy("story", "source")))
        .withColumn("count_story", sum("count_source").over(Window.partitionBy("story", "term")))
        .withColumn("story_terms", sum("count_source").over(Window.partitionBy("story")))
        .where(col("count_story").geq(params.minTermCount())
            .and(col("story_terms").gt(col("source_terms"))))
        .withColumn("count_rest", col("count_story").minus(col("count_source")))
        .withColumn("rest_terms", col("story_terms").minus(col("source_terms")))
        .withColumn("prior_alpha", col("count_story").cast("double").multiply(params.priorScale())
            .divide(col("story_terms").cast("double")))
        .withColumn("log_odds", LogOdds.delta(col("count_source"), col("source_terms"),
            col("count_story"), col("story_terms"), params.priorScale()))
        .withColumn("z_score", LogOdds.z(col("count_source"), col("source_terms"),
            col("count_story"), col("story_terms"), params.priorScale()))
        .withColumn("rank", row_number().over(Window.partitionBy("story", "source")
            .orderBy(col("z_score").desc_nulls_last(), col("term").asc())))
        .where(col("rank").leq(params.topTerms()));

    return scored.select(col("story"), col("source"), col("term"),
        when(col("term").contains(" "), 2).otherwise(1).cast("long").as("ngram"),
        col("count_source"), col("count_rest"), col("count_story"), col("source_terms"),
        col("rest_terms"), col("prior_alpha"), col("log_odds"), col("z_score"),
        col("rank").cast("long").as("rank"));
  }

  /** Spark's default English stop words (a copy). */
  static String[] stopWords() {
    return STOP_WORDS.clone();
  }
}

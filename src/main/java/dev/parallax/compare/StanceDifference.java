package dev.parallax.compare;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code stance_difference} table: does source A speak of a theme more warmly than source B?
 *
 * <p>Grain: story × theme (including {@value StanceGroups#ALL}) × ordered pair
 * {@code source_a < source_b}, for pairs where both sources have at least one sentence on the
 * theme. Columns:
 * <ul>
 *   <li>{@code sentences_a/_b}, {@code articles_a/_b}, {@code tone_mean_a/_b} (mean sentence
 *       tone), {@code tone_diff = tone_mean_a − tone_mean_b}, in tone units (range [−2, 2]);</li>
 *   <li>{@code ci_low}, {@code ci_high}: percentile bootstrap interval of the difference at
 *       {@code compare.confidence}, the two sources resampled independently;</li>
 *   <li>{@code p_value}: two-sided permutation test of equal means with
 *       {@code compare.permutations} random relabellings (smallest value
 *       {@code 1/(permutations+1)});</li>
 *   <li>{@code q_value}: Benjamini–Hochberg adjusted p over all rows of the story (every theme and
 *       pair); {@code significant}: {@code q_value < 0.05}, false when q is null;</li>
 *   <li>{@code resampling} = "article" when both sources have at least
 *       {@code compare.min_articles_for_cluster} articles on the theme — the bootstrap and the
 *       permutations then move whole articles and the means are pooled sentence means — else
 *       "sentence";</li>
 *   <li>two effect sizes, both on sentence tones (not clustered): {@code effect_size} is Cohen's d
 *       (difference in pooled standard deviations, unbounded; null with fewer than 2 sentences a
 *       side or no variance) and {@code cliffs_delta} is Cliff's delta (P(a &gt; b) − P(a &lt; b),
 *       in [−1, 1], robust to skew and outliers);</li>
 *   <li>{@code small_sample}: either side has fewer than {@code compare.min_sentences} sentences.</li>
 * </ul>
 * The bootstrap and the permutation test of a row share one seed,
 * {@code Seeds.of(compare.seed, story, theme, source_a, source_b)}.
 */
public final class StanceDifference {
  private StanceDifference() {}

  static final StructType SCHEMA = new StructType()
      .add("story", StringType, false)
      .add("theme", StringType, false)
      .add("source_a", StringType, false)
      .add("source_b", StringType, false)
      .add("sentences_a", LongType, false)
      .add("sentences_b", LongType, false)
      .add("articles_a", LongType, false)
      .add("articles_b", LongType, false)
      .add("tone_mean_a", DoubleType)
      .add("tone_mean_b", DoubleType)
      .add("tone_diff", DoubleType)
      .add("ci_low", DoubleType)
      .add("ci_high", DoubleType)
      .add("p_value", DoubleType)
      .add("effect_size", DoubleType)
      .add("cliffs_delta", DoubleType)
      .add("resampling", StringType, false)
      .add("small_sample", BooleanType, false);

  /** The table from rows of the sentences table. */
  public static Dataset<Row> compute(Dataset<Row> sentences, CompareParams params) {
    return fromGroups(StanceGroups.of(sentences), params);
  }

  /** The table from the output of {@link StanceGroups#of}. */
  public static Dataset<Row> fromGroups(Dataset<Row> groups, CompareParams params) {
    Dataset<Row> g = groups.select("story", "theme", "source", "sentences", "articles", "tones");
    Dataset<Row> a = g.toDF("story", "theme", "source_a", "sentences_a", "articles_a", "tones_a");
    Dataset<Row> b = g.toDF("story_b", "theme_b", "source_b", "sentences_b", "articles_b", "tones_b");
    Dataset<Row> pairs = a.join(b, col("story").equalTo(col("story_b"))
            .and(col("theme").equalTo(col("theme_b")))
            .and(col("source_a").lt(col("source_b"))))
        .select("story", "theme", "source_a", "source_b", "sentences_a", "sentences_b",
            "articles_a", "articles_b", "tones_a", "tones_b");
    Dataset<Row> tested = pairs.map(new Test(params), Encoders.row(SCHEMA));
    return withQValues(tested, CompareParams.FDR)
        .select("story", "theme", "source_a", "source_b", "sentences_a", "sentences_b",
            "articles_a", "articles_b", "tone_mean_a", "tone_mean_b", "tone_diff", "ci_low",
            "ci_high", "p_value", "q_value", "effect_size", "cliffs_delta", "resampling",
            "small_sample", "significant");
  }

  /**
   * Adds {@code q_value}, the Benjamini–Hochberg adjustment of {@code p_value} within each story,
   * and {@code significant = q_value < fdr} (false when q is null). With the story's m non-null
   * p-values ranked ascending, {@code q(i) = min over ranks j ≥ i of min(1, m·p(j)/j)}; null
   * p-values stay null and do not count towards m. Equal p-values get equal q whatever their
   * (deterministic) tie order.
   */
  static Dataset<Row> withQValues(Dataset<Row> rows, double fdr) {
    Column p = col("p_value");
    WindowSpec story = Window.partitionBy("story");
    WindowSpec byP = story.orderBy(p.asc_nulls_last(), col("theme"), col("source_a"),
        col("source_b"));
    WindowSpec fromTop = story.orderBy(col("_rank").desc())
        .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    return rows
        .withColumn("_rank", row_number().over(byP))
        .withColumn("_m", count(p).over(story))
        .withColumn("_raw", when(p.isNotNull(),
            least(lit(1.0), col("_m").multiply(p).divide(col("_rank")))))
        .withColumn("q_value", when(p.isNotNull(), min(col("_raw")).over(fromTop)))
        .withColumn("significant", when(col("q_value").lt(fdr), true).otherwise(false))
        .drop("_rank", "_m", "_raw");
  }

  /** One pair of groups to one row without q; bootstrap and permutation run here. */
  private record Test(CompareParams p) implements MapFunction<Row, Row> {
    @Override
    public Row call(Row r) {
      String story = r.getString(0);
      String theme = r.getString(1);
      String sourceA = r.getString(2);
      String sourceB = r.getString(3);
      long nA = r.getLong(4);
      long nB = r.getLong(5);
      long articlesA = r.getLong(6);
      long articlesB = r.getLong(7);
      ToneSample a = ToneSample.of(r.<Row>getList(8));
      ToneSample b = ToneSample.of(r.<Row>getList(9));
      boolean byArticle = articlesA >= p.minArticlesForCluster()
          && articlesB >= p.minArticlesForCluster();
      long seed = Seeds.of(p.seed(), story, theme, sourceA, sourceB);
      double[] ci;
      double pValue;
      if (byArticle) {
        ci = Statistics.bootstrapDiffCiClustered(a.clusters, b.clusters, p.bootstrapReps(),
            p.confidence(), seed);
        pValue = Statistics.permutationPValueClustered(a.clusters, b.clusters, p.permutations(), seed);
      } else {
        ci = Statistics.bootstrapDiffCi(a.values, b.values, p.bootstrapReps(), p.confidence(), seed);
        pValue = Statistics.permutationPValue(a.values, b.values, p.permutations(), seed);
      }
      double meanA = a.mean();
      double meanB = b.mean();
      return RowFactory.create(story, theme, sourceA, sourceB, nA, nB, articlesA, articlesB,
          Columns.finiteOrNull(meanA), Columns.finiteOrNull(meanB),
          Columns.finiteOrNull(meanA - meanB), Columns.finiteOrNull(ci[0]),
          Columns.finiteOrNull(ci[1]), Columns.finiteOrNull(pValue),
          Columns.finiteOrNull(Statistics.cohensD(a.values, b.values)),
          Columns.finiteOrNull(Statistics.cliffsDelta(a.values, b.values)),
          byArticle ? "article" : "sentence",
          nA < p.minSentences() || nB < p.minSentences());
    }
  }
}

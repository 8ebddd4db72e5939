package dev.parallax.compare;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The sentences of each story × source × theme, reduced to what the stance statistics need: one
 * row per group with exact counts and sums, and the group's sentence tones as a list of
 * (article_id, tone) structs. Each sentence belongs to the group of every theme it mentions and to
 * the group {@value #ALL} of its source.
 *
 * <p>Columns: story, source, theme, sentences, tokens, positive (sentences with tone
 * ≥ {@value #POSITIVE}), negative (tone ≤ −{@value #POSITIVE}), hedges, boosters, attitude,
 * self_mentions (marker sums), tones (array of struct article_id, tone; unordered). A group's
 * article count is the number of distinct ids among its tones, taken in {@link #samples} (a
 * count(distinct) here would make Spark expand every row and aggregate twice).
 *
 * <p>{@link #samples} turns each group into what the resampling needs, once per group: the tones in
 * canonical order with the sentence count of each article, the resampling unit, and the group's
 * bootstrap replicates of its mean. Both stance tables read these rows, so a group is sorted and
 * resampled once, not once per table and per pair of sources it takes part in.
 */
public final class StanceGroups {
  private StanceGroups() {}

  /** Theme id of the group holding every sentence of a source. */
  public static final String ALL = "_all";
  /** Tone at or above which a sentence counts as positive (and at or below minus it, negative). */
  public static final double POSITIVE = 0.05;

  /** One row per story × source × theme (themes of the taxonomy plus {@value #ALL}). */
  public static Dataset<Row> of(Dataset<Row> sentences) {
    return sentences
        .select(col("story"), col("source"), col("article_id"), col("tone"), col("n_tokens"),
            col("hedges"), col("boosters"), col("attitude"), col("self_mentions"),
            explode(concat(array_distinct(coalesce(col("themes"), Columns.emptyStrings())),
                array(lit(ALL)))).as("theme"))
        .groupBy("story", "source", "theme")
        .agg(count(lit(1)).as("sentences"),
            sum("n_tokens").as("tokens"),
            count(when(col("tone").geq(POSITIVE), true)).as("positive"),
            count(when(col("tone").leq(-POSITIVE), true)).as("negative"),
            sum("hedges").as("hedges"),
            sum("boosters").as("boosters"),
            sum("attitude").as("attitude"),
            sum("self_mentions").as("self_mentions"),
            collect_list(struct(col("article_id"), col("tone"))).as("tones"));
  }

  /** Columns of {@link #samples}. */
  static final StructType SAMPLES = new StructType()
      .add("story", DataTypes.StringType, false)
      .add("source", DataTypes.StringType, false)
      .add("theme", DataTypes.StringType, false)
      .add("sentences", DataTypes.LongType, false)
      .add("articles", DataTypes.LongType, false)
      .add("tokens", DataTypes.LongType, false)
      .add("positive", DataTypes.LongType, false)
      .add("negative", DataTypes.LongType, false)
      .add("hedges", DataTypes.LongType, false)
      .add("boosters", DataTypes.LongType, false)
      .add("attitude", DataTypes.LongType, false)
      .add("self_mentions", DataTypes.LongType, false)
      .add("tone_values", DataTypes.createArrayType(DataTypes.DoubleType, false), false)
      .add("cluster_sizes", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
      .add("resampling", DataTypes.StringType, false)
      .add("replicates", DataTypes.createArrayType(DataTypes.DoubleType, false), false);

  /** Resampling unit "article": whole articles are drawn. */
  static final String BY_ARTICLE = "article";
  /** Resampling unit "sentence": single sentences are drawn. */
  static final String BY_SENTENCE = "sentence";

  /**
   * One row per group of {@link #of}: counts and sums as there, {@code articles} the distinct
   * article ids of the group's tones, {@code tone_values} sorted by
   * article id then tone ({@link ToneSample}), {@code cluster_sizes} the sentences of each article
   * in id order, {@code resampling} "article" when the group has at least
   * {@code compare.min_articles_for_cluster} articles else "sentence", and {@code replicates}: the
   * {@code compare.bootstrap_reps} bootstrap means of the group in that unit, seeded with
   * {@code Seeds.of(compare.seed, story, source, theme)}.
   */
  static Dataset<Row> samples(Dataset<Row> groups, CompareParams params) {
    return groups.map(new Sample(params), Encoders.row(SAMPLES));
  }

  /** {@link #samples} of the groups of {@link #of}: the stance groups of a sentences table. */
  static Dataset<Row> fromSentences(Dataset<Row> sentences, CompareParams params) {
    return samples(of(sentences), params);
  }

  /**
   * The seed of a group's bootstrap replicates in a unit other than its own (needed when it is
   * compared with a group too small to resample by article); in its own unit the seed is
   * {@code Seeds.of(seed, story, source, theme)}, as for its stance_by_source interval.
   */
  static long otherUnitSeed(CompareParams p, String story, String source, String theme,
      String unit) {
    return Seeds.of(p.seed(), story, source, theme, unit);
  }

  private static String ownUnit(CompareParams p, long articles) {
    return articles >= p.minArticlesForCluster() ? BY_ARTICLE : BY_SENTENCE;
  }

  /** Bootstrap replicates of a sample's mean in the given unit. */
  static double[] replicates(CompareParams p, ToneSample sample, String unit, long seed) {
    return BY_ARTICLE.equals(unit)
        ? Statistics.bootstrapMeansClustered(sample.clusters, p.bootstrapReps(), seed)
        : Statistics.bootstrapMeans(sample.values, p.bootstrapReps(), seed);
  }

  private record Sample(CompareParams p) implements MapFunction<Row, Row> {
    @Override
    public Row call(Row g) {
      String story = g.getAs("story");
      String source = g.getAs("source");
      String theme = g.getAs("theme");
      ToneSample sample = ToneSample.of(g.<Row>getList(g.fieldIndex("tones")));
      long articles = sample.articles();
      String unit = ownUnit(p, articles);
      double[] boot = replicates(p, sample, unit, Seeds.of(p.seed(), story, source, theme));
      return RowFactory.create(story, source, theme, g.<Long>getAs("sentences"), articles,
          orZero(g, "tokens"), g.<Long>getAs("positive"), g.<Long>getAs("negative"),
          orZero(g, "hedges"), orZero(g, "boosters"), orZero(g, "attitude"),
          orZero(g, "self_mentions"), doubles(sample.values), ints(sample.clusterSizes()), unit,
          doubles(boot));
    }

    private static long orZero(Row g, String column) {
      int i = g.fieldIndex(column);
      return g.isNullAt(i) ? 0 : g.getLong(i);
    }
  }

  private static scala.collection.Seq<Double> doubles(double[] values) {
    List<Double> l = new java.util.ArrayList<>(values.length);
    for (double v : values) {
      l.add(v);
    }
    return scala.collection.JavaConverters.asScalaBuffer(l).toList();
  }

  private static scala.collection.Seq<Integer> ints(int[] values) {
    List<Integer> l = new java.util.ArrayList<>(values.length);
    for (int v : values) {
      l.add(v);
    }
    return scala.collection.JavaConverters.asScalaBuffer(l).toList();
  }

  /** Column {@code name} of a row of {@link #SAMPLES} (rows of a typed map carry no schema). */
  static <T> T get(Row r, String name) {
    return r.getAs(SAMPLES.fieldIndex(name));
  }

  /** A sample row's tones as a {@link ToneSample}. */
  static ToneSample toneSample(Row r) {
    List<Double> values = r.getList(SAMPLES.fieldIndex("tone_values"));
    List<Integer> sizes = r.getList(SAMPLES.fieldIndex("cluster_sizes"));
    return ToneSample.of(values.stream().mapToDouble(Double::doubleValue).toArray(),
        sizes.stream().mapToInt(Integer::intValue).toArray());
  }

  /** A sample row's bootstrap replicates. */
  static double[] replicates(Row r) {
    List<Double> values = r.getList(SAMPLES.fieldIndex("replicates"));
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}

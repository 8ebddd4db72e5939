package dev.parallax.compare;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code stance_by_source} table: tone and epistemic stance of each source towards each theme.
 *
 * <p>Grain: story × source × theme, where theme {@value StanceGroups#ALL} holds every sentence of
 * the source. Columns:
 * <ul>
 *   <li>{@code sentences}, {@code articles}, {@code tokens} of the group;</li>
 *   <li>{@code tone_mean}: mean sentence tone in [−1, 1]; {@code tone_ci_low}, {@code tone_ci_high}:
 *       percentile bootstrap interval of the mean at {@code compare.confidence}, seeded with
 *       {@code Seeds.of(seed, story, source, theme)}. {@code resampling} = "article" when the group
 *       spans at least {@code compare.min_articles_for_cluster} articles (whole articles are
 *       resampled, which respects the dependence of sentences of one article), else "sentence".
 *       Percentile intervals of tiny samples can be degenerate (one sentence: low = high = mean);</li>
 *   <li>{@code positive_share}, {@code negative_share}: shares of sentences with tone ≥ 0.05 and
 *       ≤ −0.05, in [0, 1];</li>
 *   <li>{@code hedge_rate_per_1k}, {@code booster_rate_per_1k}, {@code attitude_rate_per_1k},
 *       {@code self_mention_rate_per_1k}: markers per 1,000 tokens of the group's sentences (null
 *       when they have no token);</li>
 *   <li>{@code small_sample}: fewer than {@code compare.min_sentences} sentences.</li>
 * </ul>
 */
public final class StanceBySource {
  private StanceBySource() {}

  static final StructType SCHEMA = new StructType()
      .add("story", StringType, false)
      .add("source", StringType, false)
      .add("theme", StringType, false)
      .add("sentences", LongType, false)
      .add("articles", LongType, false)
      .add("tokens", LongType, false)
      .add("tone_mean", DoubleType)
      .add("tone_ci_low", DoubleType)
      .add("tone_ci_high", DoubleType)
      .add("resampling", StringType, false)
      .add("positive_share", DoubleType)
      .add("negative_share", DoubleType)
      .add("hedge_rate_per_1k", DoubleType)
      .add("booster_rate_per_1k", DoubleType)
      .add("attitude_rate_per_1k", DoubleType)
      .add("self_mention_rate_per_1k", DoubleType)
      .add("small_sample", BooleanType, false);

  /** The table from rows of the sentences table. */
  public static Dataset<Row> compute(Dataset<Row> sentences, CompareParams params) {
    return fromSamples(StanceGroups.fromSentences(sentences, params), params);
  }

  /**
   * The table from the output of {@link StanceGroups#fromSentences}: the interval is the percentile
   * interval of the group's bootstrap replicates.
   */
  public static Dataset<Row> fromSamples(Dataset<Row> samples, CompareParams params) {
    return samples.map(new Summarise(params), Encoders.row(SCHEMA));
  }

  /** One sample row to one table row. */
  private record Summarise(CompareParams p) implements MapFunction<Row, Row> {
    @Override
    public Row call(Row g) {
      long sentences = count(g, "sentences");
      long tokens = count(g, "tokens");
      double[] ci = Statistics.percentileInterval(StanceGroups.replicates(g), p.confidence());
      double mean = Statistics.mean(StanceGroups.toneSample(g).values);
      return RowFactory.create(StanceGroups.get(g, "story"), StanceGroups.get(g, "source"),
          StanceGroups.get(g, "theme"), sentences, count(g, "articles"), tokens,
          Columns.finiteOrNull(mean), Columns.finiteOrNull(ci[0]), Columns.finiteOrNull(ci[1]),
          StanceGroups.get(g, "resampling"),
          Columns.share(count(g, "positive"), sentences),
          Columns.share(count(g, "negative"), sentences),
          perThousand(count(g, "hedges"), tokens), perThousand(count(g, "boosters"), tokens),
          perThousand(count(g, "attitude"), tokens), perThousand(count(g, "self_mentions"), tokens),
          sentences < p.minSentences());
    }

    private static long count(Row g, String column) {
      return StanceGroups.<Long>get(g, column);
    }

    private static Double perThousand(long markers, long tokens) {
      return tokens == 0 ? null : 1000.0 * markers / tokens;
    }
  }
}

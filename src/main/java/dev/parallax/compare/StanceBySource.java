package dev.parallax.compare;

import dev.parallax.warehouse.schema.StanceBySourceColumns;
import dev.parallax.warehouse.schema.ThemeIds;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * The {@code stance_by_source} table: tone and epistemic stance of each source towards each theme.
 *
 * <p>Grain: story × source × theme, where theme {@value ThemeIds#ALL} holds every sentence of the
 * source. Columns:
 *
 * <ul>
 *   <li>{@code sentences}, {@code articles}, {@code tokens} of the group;
 *   <li>{@code tone_mean}: mean sentence tone in [−1, 1]; {@code tone_ci_low}, {@code
 *       tone_ci_high}: percentile bootstrap interval of the mean at {@code compare.confidence},
 *       seeded with {@code Seeds.of(seed, story, source, theme)}. {@code resampling} = "article"
 *       when the group spans at least {@code compare.min_articles_for_cluster} articles (whole
 *       articles are resampled, which respects the dependence of sentences of one article), else
 *       "sentence". Percentile intervals of tiny samples can be degenerate (one sentence: low =
 *       high = mean);
 *   <li>{@code positive_share}, {@code negative_share}: shares of sentences with tone ≥ 0.05 and ≤
 *       −0.05, in [0, 1];
 *   <li>{@code hedge_rate_per_1k}, {@code booster_rate_per_1k}, {@code attitude_rate_per_1k},
 *       {@code self_mention_rate_per_1k}: markers per 1,000 tokens of the group's sentences (null
 *       when they have no token);
 *   <li>{@code small_sample}: fewer than {@code compare.min_sentences} sentences.
 * </ul>
 */
public final class StanceBySource {
  private StanceBySource() {}

  /** The table ({@link StanceBySourceColumns#SCHEMA}) from rows of the sentences table. */
  public static Dataset<Row> compute(Dataset<Row> sentences, CompareParams params) {
    return fromSamples(StanceGroups.fromSentences(sentences, params), params);
  }

  /**
   * The table from the output of {@link StanceGroups#fromSentences}: the interval is the percentile
   * interval of the group's bootstrap replicates.
   */
  public static Dataset<Row> fromSamples(Dataset<Row> samples, CompareParams params) {
    return samples.map(new Summarise(params), Encoders.row(StanceBySourceColumns.SCHEMA));
  }

  /** One sample row to one table row. */
  private record Summarise(CompareParams p) implements MapFunction<Row, Row> {
    @Override
    public Row call(Row g) {
      long sentences = g.getLong(StanceGroups.SENTENCES_AT);
      long tokens = g.getLong(StanceGroups.TOKENS_AT);
      double[] ci = Statistics.percentileInterval(StanceGroups.replicates(g), p.confidence());
      double mean = Statistics.mean(StanceGroups.toneSample(g).values);
      return StanceBySourceColumns.row()
          .story(g.getString(StanceGroups.STORY_AT))
          .source(g.getString(StanceGroups.SOURCE_AT))
          .theme(g.getString(StanceGroups.THEME_AT))
          .sentences(sentences)
          .articles(g.getLong(StanceGroups.ARTICLES_AT))
          .tokens(tokens)
          .toneMean(Columns.finiteOrNull(mean))
          .toneCiLow(Columns.finiteOrNull(ci[0]))
          .toneCiHigh(Columns.finiteOrNull(ci[1]))
          .resampling(g.getString(StanceGroups.RESAMPLING_AT))
          .positiveShare(Columns.share(g.getLong(StanceGroups.POSITIVE_AT), sentences))
          .negativeShare(Columns.share(g.getLong(StanceGroups.NEGATIVE_AT), sentences))
          .hedgeRatePer1k(perThousand(g.getLong(StanceGroups.HEDGES_AT), tokens))
          .boosterRatePer1k(perThousand(g.getLong(StanceGroups.BOOSTERS_AT), tokens))
          .attitudeRatePer1k(perThousand(g.getLong(StanceGroups.ATTITUDE_AT), tokens))
          .selfMentionRatePer1k(perThousand(g.getLong(StanceGroups.SELF_MENTIONS_AT), tokens))
          .smallSample(sentences < p.minSentences())
          .build();
    }

    private static Double perThousand(long markers, long tokens) {
      return tokens == 0 ? null : 1000.0 * markers / tokens;
    }
  }
}

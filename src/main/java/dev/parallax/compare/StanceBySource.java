package dev.parallax.compare;

import dev.parallax.warehouse.schema.SentencesColumns;
import dev.parallax.warehouse.schema.StanceBySourceColumns;
import dev.parallax.warehouse.schema.ThemeIds;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * The {@code stance_by_source} table: tone and epistemic stance of each source towards each theme.
 *
 * <p>Grain: story × source × theme × voice, where theme {@value ThemeIds#ALL} holds every sentence
 * of the source and voice is {@code all} (every sentence, its {@code tone}) or {@code authorial}
 * (the sentences of voice authorial, their {@code authorial_tone}; {@link StanceGroups}). Columns:
 *
 * <ul>
 *   <li>{@code language}: the source's ({@link StanceGroups#languages});
 *   <li>{@code sentences}, {@code articles}, {@code tokens} of the group, with or without a tone;
 *       {@code toned_sentences}: those with a tone, which every tone column rests on (a sentence of
 *       a language without a tone lexicon has none);
 *   <li>{@code tone_mean}: mean tone of the toned sentences in [−1, 1]; {@code tone_ci_low}, {@code
 *       tone_ci_high}: percentile bootstrap interval of the mean at {@code compare.confidence},
 *       seeded with {@code Seeds.of(seed, story, source, theme)}. {@code resampling} = "article"
 *       when the toned sentences span at least {@code compare.min_articles_for_cluster} articles
 *       (whole articles are resampled, which respects the dependence of sentences of one article),
 *       else "sentence". Percentile intervals of tiny samples can be degenerate (one sentence: low
 *       = high = mean). All null without a toned sentence;
 *   <li>{@code positive_share}, {@code negative_share}: shares of the toned sentences with tone ≥
 *       0.05 and ≤ −0.05, in [0, 1], null without a toned sentence;
 *   <li>{@code hedge_rate_per_1k}, {@code booster_rate_per_1k}, {@code attitude_rate_per_1k},
 *       {@code self_mention_rate_per_1k}: markers per 1,000 tokens of the group's sentences that
 *       have that marker counted (a language without a marker list has it null; null when those
 *       sentences have no token);
 *   <li>{@code small_sample}: fewer than {@code compare.min_sentences} toned sentences.
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
      long toned = g.getLong(StanceGroups.TONED_AT);
      long tokens = g.getLong(StanceGroups.TOKENS_AT);
      double[] ci = Statistics.percentileInterval(StanceGroups.replicates(g), p.confidence());
      double mean = Statistics.mean(StanceGroups.toneSample(g).values);
      return StanceBySourceColumns.row()
          .story(g.getString(StanceGroups.STORY_AT))
          .source(g.getString(StanceGroups.SOURCE_AT))
          .language(g.getString(StanceGroups.LANGUAGE_AT))
          .theme(g.getString(StanceGroups.THEME_AT))
          .voice(g.getString(StanceGroups.VOICE_AT))
          .sentences(sentences)
          .tonedSentences(toned)
          .articles(g.getLong(StanceGroups.ARTICLES_AT))
          .tokens(tokens)
          .toneMean(Columns.finiteOrNull(mean))
          .toneCiLow(Columns.finiteOrNull(ci[0]))
          .toneCiHigh(Columns.finiteOrNull(ci[1]))
          .resampling(g.getString(StanceGroups.RESAMPLING_AT))
          .positiveShare(Columns.share(g.getLong(StanceGroups.POSITIVE_AT), toned))
          .negativeShare(Columns.share(g.getLong(StanceGroups.NEGATIVE_AT), toned))
          .hedgeRatePer1k(
              perThousand(
                  g.getLong(StanceGroups.HEDGES_AT),
                  StanceGroups.markerTokens(g, SentencesColumns.HEDGES)))
          .boosterRatePer1k(
              perThousand(
                  g.getLong(StanceGroups.BOOSTERS_AT),
                  StanceGroups.markerTokens(g, SentencesColumns.BOOSTERS)))
          .attitudeRatePer1k(
              perThousand(
                  g.getLong(StanceGroups.ATTITUDE_AT),
                  StanceGroups.markerTokens(g, SentencesColumns.ATTITUDE)))
          .selfMentionRatePer1k(
              perThousand(
                  g.getLong(StanceGroups.SELF_MENTIONS_AT),
                  StanceGroups.markerTokens(g, SentencesColumns.SELF_MENTIONS)))
          .smallSample(toned < p.minSentences())
          .build();
    }

    private static Double perThousand(long markers, long tokens) {
      return tokens == 0 ? null : 1000.0 * markers / tokens;
    }
  }
}

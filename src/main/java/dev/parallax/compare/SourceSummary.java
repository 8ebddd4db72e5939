package dev.parallax.compare;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import dev.parallax.warehouse.schema.SourceSummaryColumns;
import dev.parallax.warehouse.schema.ThemeIds;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;

/**
 * The {@code source_summary} table: one row per story × source.
 *
 * <p>Columns: {@code language} (the source's, {@link StanceGroups#languages}), {@code articles}
 * (articles with at least one sentence), {@code sentences}, {@code toned_sentences} (those with a
 * tone), {@code tokens} (sum of n_tokens), {@code first_published} and {@code last_published}
 * (earliest and latest {@code published_at} of its sentences, UTC timestamps, null when unknown),
 * {@code tone_mean} (mean tone of the toned sentences, summed in article id then tone order so it
 * equals the {@code _all} row of stance_by_source bit for bit; null without a toned sentence),
 * {@code top_themes} (up to {@value #TOP_THEMES} story themes — ids not starting with {@code
 * frame_} — with the highest rate per 1,000 tokens in the source, i.e. the most mentions, ties by
 * id; only themes the source mentions), {@code undated_articles} (articles without {@code
 * published_at}) and {@code out_of_range_articles} (articles whose day is far from the window and
 * from the story's other articles, {@link Timeline.Range}): both kept out of the timeline.
 */
public final class SourceSummary {
  private SourceSummary() {}

  static final int TOP_THEMES = 3;

  /** The table ({@link SourceSummaryColumns#SCHEMA}) from rows of the sentences table. */
  public static Dataset<Row> compute(Dataset<Row> sentences) {
    return fromSamples(sentences, StanceGroups.fromSentences(sentences, CompareParams.defaults()));
  }

  /**
   * The table from rows of the sentences table and their stance groups ({@link
   * StanceGroups#fromSentences}): articles, sentences, tokens and the tone mean come from each
   * source's {@value ThemeIds#ALL} group (its tones are already in article id then tone order, so
   * the mean is summed in the same order as stance_by_source's), the publication range and the top
   * themes from the sentences.
   */
  public static Dataset<Row> fromSamples(Dataset<Row> sentences, Dataset<Row> samples) {
    return fromSamples(sentences, samples, ThemeFrequency.mentions(sentences));
  }

  /**
   * As {@link #fromSamples(Dataset, Dataset)}, with the sentences' theme mentions already counted
   * per story × source × theme ({@link ThemeFrequency#mentions}); the top themes are ranked among
   * them.
   */
  static Dataset<Row> fromSamples(
      Dataset<Row> sentences, Dataset<Row> samples, Dataset<Row> mentioned) {
    return fromSamples(
        sentences,
        samples,
        mentioned,
        Timeline.offTimeline(
            Timeline.articleDays(sentences, Timeline.Range.unbounded(java.time.ZoneOffset.UTC))));
  }

  /**
   * As {@link #fromSamples(Dataset, Dataset, Dataset)}, with the articles kept out of the timeline
   * counted per story × source ({@link Timeline#offTimeline}).
   */
  static Dataset<Row> fromSamples(
      Dataset<Row> sentences,
      Dataset<Row> samples,
      Dataset<Row> mentioned,
      Dataset<Row> offTimeline) {
    Dataset<Row> base =
        samples
            .where(col("theme").equalTo(ThemeIds.ALL))
            .select(
                col("story"),
                col("source"),
                col(SourceSummaryColumns.LANGUAGE),
                col("articles"),
                col("sentences"),
                col(SourceSummaryColumns.TONED_SENTENCES),
                col("tokens"),
                when(
                        col(SourceSummaryColumns.TONED_SENTENCES).gt(0),
                        expr("aggregate(tone_values, 0D, (acc, x) -> acc + x) / toned_sentences"))
                    .as("tone_mean"));
    Dataset<Row> published =
        sentences
            .groupBy("story", "source")
            .agg(
                min("published_at").as("first_published"),
                max("published_at").as("last_published"));

    Dataset<Row> top =
        mentioned
            .where(col("theme").startsWith(ThemeIds.FRAME_PREFIX).unary_$bang())
            .withColumn(
                "rank",
                row_number()
                    .over(
                        Window.partitionBy("story", "source")
                            .orderBy(col("mentions").desc(), col("theme").asc())))
            .where(col("rank").leq(TOP_THEMES))
            .groupBy("story", "source")
            .agg(
                transform(
                        sort_array(collect_list(struct(col("rank"), col("theme")))),
                        x -> x.getField("theme"))
                    .as("top_themes"));

    return base.join(published, Columns.names("story", "source"))
        .join(top, Columns.names("story", "source"), "left")
        .join(offTimeline, Columns.names("story", "source"), "left")
        .withColumn(
            SourceSummaryColumns.TOP_THEMES,
            coalesce(col(SourceSummaryColumns.TOP_THEMES), Columns.emptyStrings()))
        .select(
            Arrays.stream(SourceSummaryColumns.SCHEMA.fieldNames())
                .map(functions::col)
                .toArray(Column[]::new));
  }
}

package dev.parallax.compare;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.dense_rank;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.parallax.warehouse.schema.ThemeFrequencyColumns;
import dev.parallax.warehouse.schema.ThemeIds;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * The {@code theme_frequency} table: how often each source mentions each theme of its story.
 *
 * <p>Grain: story × source × theme, for every theme that appears anywhere in the story and every
 * source of the story; a source that never mentions a theme gets a row of zeros. Columns:
 *
 * <ul>
 *   <li>{@code language}: the source's ({@link StanceGroups#languages});
 *   <li>{@code articles}: articles of the source with at least one sentence on the theme; {@code
 *       sentences}: sentences with the theme; {@code mentions}: entries of {@code theme_mentions}
 *       (a sentence may mention a theme several times);
 *   <li>{@code source_articles}, {@code source_sentences}, {@code source_tokens}: the source's
 *       totals in the story (articles with at least one sentence);
 *   <li>{@code rate_per_1k_tokens = 1000 · mentions / source_tokens}; {@code sentence_share =
 *       sentences / source_sentences}; {@code article_share = articles / source_articles}, both in
 *       [0, 1];
 *   <li>{@code rank_in_source}: 1 for the source's most mentioned theme, ties broken by theme id
 *       (so ranks are unique within a source);
 *   <li>{@code story_mentions}, {@code story_tokens}, {@code story_rate_per_1k_tokens}: the pooled
 *       story in the source's language (the sources of the story with the same {@code language});
 *       {@code lift_vs_all = rate_per_1k_tokens / story_rate_per_1k_tokens}, null when the pooled
 *       rate is 0;
 *   <li>{@code log_odds_vs_rest}, {@code z_vs_rest}: weighted log-odds (natural log) of the theme's
 *       mentions per token in this source against the rest of the story in its language, with the
 *       informative Dirichlet prior of that pool scaled to {@code alpha0} ({@link LogOdds}); null
 *       when no other source of the story has its language;
 *   <li>{@code story_theme}: false for the general frame-level themes ({@code frame_*}); {@code
 *       theme_label}, {@code frame}: from the taxonomy when given, else null.
 * </ul>
 *
 * Rates and shares are null when their denominator is 0. Every sentence counts, with or without a
 * tone. Rates per token compare sources of one language only (each language has its own tokeniser);
 * the shares of sentences and articles compare across languages. So the pooled story, lift and
 * log-odds take the sources of the source's language only: a Japanese source set against a mostly
 * English story would otherwise be measured in morphemes against words. A source alone in its
 * language is its own pool (lift 1 where it mentions the theme, log-odds null), as the one source
 * of a story is; a source writing in several languages ({@code en,ja}) is pooled with the sources
 * of exactly the same languages.
 */
public final class ThemeFrequency {
  private ThemeFrequency() {}

  /**
   * The table ({@link ThemeFrequencyColumns#SCHEMA}) from rows of the sentences table.
   *
   * @param sentences rows of the sentences table (story, source, article_id, n_tokens, themes,
   *     theme_mentions are read)
   * @param labels columns theme, theme_label, frame (one row per theme), or null
   * @param alpha0 total pseudo-count of the prior ({@code compare.prior_scale})
   */
  public static Dataset<Row> compute(Dataset<Row> sentences, Dataset<Row> labels, double alpha0) {
    return fromSamples(
        sentences, StanceGroups.fromSentences(sentences, CompareParams.defaults()), labels, alpha0);
  }

  /**
   * As {@link #compute}, with the stance groups of {@link StanceGroups#fromSentences} built from
   * the same sentences: a source's totals are its {@value ThemeIds#ALL} group (articles with a
   * sentence, sentences, tokens) and a theme's articles and sentences are its group's, so only the
   * mentions are counted here, from the sentences.
   */
  public static Dataset<Row> fromSamples(
      Dataset<Row> sentences, Dataset<Row> samples, Dataset<Row> labels, double alpha0) {
    return fromMentions(mentions(sentences), samples, labels, alpha0);
  }

  /**
   * Entries of {@code theme_mentions} counted per story × source × theme (columns story, source,
   * theme, mentions; a theme never mentioned has no row). The source summary's top themes count the
   * same entries, so the compare stage computes them once for both tables.
   */
  static Dataset<Row> mentions(Dataset<Row> sentences) {
    return sentences
        .select(
            col("story"),
            col("source"),
            explode(coalesce(col("theme_mentions"), Columns.emptyStrings())).as("theme"))
        .groupBy("story", "source", "theme")
        .agg(count(lit(1)).as("mentions"));
  }

  /**
   * As {@link #fromSamples}, with the sentences' {@link #mentions} already counted.
   *
   * @param mentioned the sentences' {@link #mentions}
   */
  static Dataset<Row> fromMentions(
      Dataset<Row> mentioned, Dataset<Row> samples, Dataset<Row> labels, double alpha0) {
    Column all = col("theme").equalTo(ThemeIds.ALL);
    Dataset<Row> sources =
        samples
            .where(all)
            .select(
                col("story"),
                col("source"),
                col(ThemeFrequencyColumns.LANGUAGE),
                col("articles").as("source_articles"),
                col("sentences").as("source_sentences"),
                col("tokens").as("source_tokens"));
    // the pool a source is set against: its story's sources of the same language (null-safe)
    Dataset<Row> storyTokens =
        sources
            .groupBy(col("story").as("_story"), col(ThemeFrequencyColumns.LANGUAGE).as("_language"))
            .agg(sum("source_tokens").as("story_tokens"));

    String[] key = {"story", "source", "theme"};
    Dataset<Row> byTheme =
        samples
            .where(all.unary_$bang())
            .select(col("story"), col("source"), col("theme"), col("articles"), col("sentences"))
            .join(mentioned, Columns.names(key), "full")
            .na()
            .fill(0L, new String[] {"sentences", "articles", "mentions"});
    Dataset<Row> storyThemes = byTheme.select("story", "theme").distinct();

    Dataset<Row> grid =
        sources
            .join(storyThemes, "story")
            .join(byTheme, Columns.names(key), "left")
            .na()
            .fill(0L, new String[] {"sentences", "articles", "mentions"})
            .join(
                storyTokens,
                col("story")
                    .eqNullSafe(col("_story"))
                    .and(col(ThemeFrequencyColumns.LANGUAGE).eqNullSafe(col("_language"))));

    Column mentions = col("mentions");
    Column storyMentions =
        sum(mentions)
            .over(
                Window.partitionBy(
                    col("story"), col(ThemeFrequencyColumns.LANGUAGE), col("theme")));
    Column rate = Columns.ratio(mentions.multiply(1000), col("source_tokens"));
    Dataset<Row> out =
        grid.withColumn("story_mentions", storyMentions)
            .withColumn("rate_per_1k_tokens", rate)
            .withColumn(
                "story_rate_per_1k_tokens",
                Columns.ratio(col("story_mentions").multiply(1000), col("story_tokens")))
            .withColumn("sentence_share", Columns.ratio(col("sentences"), col("source_sentences")))
            .withColumn("article_share", Columns.ratio(col("articles"), col("source_articles")))
            .withColumn(
                "rank_in_source",
                dense_rank()
                    .over(
                        Window.partitionBy("story", "source")
                            .orderBy(mentions.desc(), col("theme").asc()))
                    .cast(DataTypes.LongType))
            .withColumn(
                "lift_vs_all",
                when(
                    col("story_rate_per_1k_tokens").gt(0),
                    col("rate_per_1k_tokens").divide(col("story_rate_per_1k_tokens"))))
            .withColumn(
                "log_odds_vs_rest",
                LogOdds.delta(
                    mentions,
                    col("source_tokens"),
                    col("story_mentions"),
                    col("story_tokens"),
                    alpha0))
            .withColumn(
                "z_vs_rest",
                LogOdds.z(
                    mentions,
                    col("source_tokens"),
                    col("story_mentions"),
                    col("story_tokens"),
                    alpha0))
            .withColumn(
                "story_theme", col("theme").startsWith(ThemeIds.FRAME_PREFIX).unary_$bang());

    Dataset<Row> labelled =
        labels == null
            ? out.withColumn("theme_label", lit(null).cast(DataTypes.StringType))
                .withColumn("frame", lit(null).cast(DataTypes.StringType))
            : out.join(
                labels.select(
                    col("theme"),
                    col("theme_label").cast(DataTypes.StringType),
                    col("frame").cast(DataTypes.StringType)),
                Columns.names("theme"),
                "left");
    return labelled.select(
        Arrays.stream(ThemeFrequencyColumns.SCHEMA.fieldNames())
            .map(org.apache.spark.sql.functions::col)
            .toArray(Column[]::new));
  }
}

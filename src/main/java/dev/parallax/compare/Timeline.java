package dev.parallax.compare;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_union;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import dev.parallax.warehouse.schema.SentencesColumns;
import dev.parallax.warehouse.schema.ThemeIds;
import dev.parallax.warehouse.schema.TimelineColumns;
import java.io.Serializable;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * The {@code timeline} table: story × source × day × theme, where the day is the date of an
 * article's {@code published_at} in {@code compare.time_zone} and theme {@value ThemeIds#ALL} holds
 * every sentence.
 *
 * <p>Columns: {@code articles} (articles of the source that day with a sentence on the theme),
 * {@code sentences}, {@code mentions} (entries of {@code theme_mentions} equal to the theme; for
 * {@value ThemeIds#ALL} every entry), {@code tokens}; {@code story_articles} (the story's articles
 * that day over all sources) and {@code share} = articles / story_articles, the source's share of
 * the day's coverage of the story (for a theme: the share of that coverage that is the source's
 * articles on the theme); {@code tone_mean} of the toned sentences and its seeded percentile
 * bootstrap interval at {@code compare.confidence}, as in stance_by_source (whole articles
 * resampled from {@code compare.min_articles_for_cluster} articles on, seed {@code Seeds.of(seed,
 * "timeline", story, source, day, theme)}), null below two toned sentences; {@code small_sample}
 * below {@code compare.min_sentences} toned sentences.
 *
 * <p>Articles without {@code published_at} are kept out of the timeline, and so are articles whose
 * day is far from both the window and the story's other articles ({@link Range}: a 1970 or a 2031
 * date); both are counted ({@link #articleDays}) and the compare stage warns about them.
 */
public final class Timeline {
  private Timeline() {}

  /**
   * Days an article's day may be from the window, or from its story's median day, and still be
   * drawn: a preview or a late reprint is, a 1970 or a 2031 date among February 2025 coverage is
   * not.
   */
  public static final int MARGIN_DAYS = 30;

  /** Article status: on the timeline. */
  static final String DATED = "dated";

  /** Article status: no published_at. */
  static final String UNDATED = "undated";

  /** Article status: a day outside the {@link Range}. */
  static final String OUT_OF_RANGE = "out_of_range";

  /**
   * The days the timeline draws, in {@code zone}: those from {@code first} to {@code last}
   * inclusive, and those within {@value #MARGIN_DAYS} days of the median day of the story's dated
   * articles (so a corpus of past coverage compared today keeps its days, and one stray date among
   * them does not).
   *
   * @param zone the analysts' time zone ({@code compare.time_zone})
   */
  public record Range(ZoneId zone, LocalDate first, LocalDate last) implements Serializable {
    /**
     * The range of a window: {@value #MARGIN_DAYS} days before its first run date to {@value
     * #MARGIN_DAYS} days after its last.
     */
    public static Range of(ZoneId zone, LocalDate windowStart, LocalDate windowEnd) {
      return new Range(zone, windowStart.minusDays(MARGIN_DAYS), windowEnd.plusDays(MARGIN_DAYS));
    }

    /** Every day, for tables computed without a window. */
    public static Range unbounded(ZoneId zone) {
      return new Range(zone, LocalDate.MIN, LocalDate.MAX);
    }

    /** The day of an instant in the zone, as days since 1970-01-01; null for null. */
    Integer epochDay(Timestamp t) {
      return t == null ? null : (int) t.toInstant().atZone(zone).toLocalDate().toEpochDay();
    }
  }

  private static final String DAY = TimelineColumns.DAY;
  private static final String STATUS = "_t_status";

  /**
   * One row per story × source × article of the sentences: {@code story, source, article_id, day}
   * (date, null when undated) and {@code status} ({@value #DATED}, {@value #UNDATED}, {@value
   * #OUT_OF_RANGE}).
   */
  static Dataset<Row> articleDays(Dataset<Row> sentences, Range range) {
    UserDefinedFunction epochDay =
        udf((UDF1<Timestamp, Integer>) range::epochDay, DataTypes.IntegerType);
    Dataset<Row> days =
        sentences
            .groupBy(SentencesColumns.STORY, SentencesColumns.SOURCE, SentencesColumns.ARTICLE_ID)
            .agg(min(SentencesColumns.PUBLISHED_AT).as("_t_published"))
            .withColumn("_t_epoch", epochDay.apply(col("_t_published")))
            .withColumn(DAY, date_from_unix_date(col("_t_epoch")));
    Dataset<Row> medians =
        days.where(col("_t_epoch").isNotNull())
            .groupBy(col(SentencesColumns.STORY).as("_m_story"))
            .agg(expr("percentile(_t_epoch, 0.5)").as("_t_median"));
    Column inRange =
        col(DAY)
            .geq(lit(java.sql.Date.valueOf(clamp(range.first()))))
            .and(col(DAY).leq(lit(java.sql.Date.valueOf(clamp(range.last())))))
            .or(abs(col("_t_epoch").minus(col("_t_median"))).leq(MARGIN_DAYS));
    return days.join(medians, col(SentencesColumns.STORY).equalTo(col("_m_story")), "left")
        .select(
            col(SentencesColumns.STORY),
            col(SentencesColumns.SOURCE),
            col(SentencesColumns.ARTICLE_ID),
            col(DAY),
            when(col(DAY).isNull(), lit(UNDATED))
                .when(inRange, lit(DATED))
                .otherwise(lit(OUT_OF_RANGE))
                .as(STATUS));
  }

  /** A date Spark can hold (years 1 to 9999). */
  private static LocalDate clamp(LocalDate d) {
    if (d.getYear() < 1) {
      return LocalDate.of(1, 1, 1);
    }
    return d.getYear() > 9999 ? LocalDate.of(9999, 12, 31) : d;
  }

  /**
   * Per story × source: {@code undated_articles} and {@code out_of_range_articles} of {@link
   * #articleDays}.
   */
  static Dataset<Row> offTimeline(Dataset<Row> articleDays) {
    return articleDays
        .groupBy(SentencesColumns.STORY, SentencesColumns.SOURCE)
        .agg(
            count(when(col(STATUS).equalTo(UNDATED), 1)).as("undated_articles"),
            count(when(col(STATUS).equalTo(OUT_OF_RANGE), 1)).as("out_of_range_articles"));
  }

  /**
   * The far days of {@link #articleDays}: the distinct out-of-range days, ascending, at most {@code
   * limit}, for a warning.
   */
  static List<LocalDate> outOfRangeDays(Dataset<Row> articleDays, int limit) {
    List<LocalDate> out = new ArrayList<>();
    for (Row r :
        articleDays
            .where(col(STATUS).equalTo(OUT_OF_RANGE))
            .select(col(DAY))
            .distinct()
            .orderBy(col(DAY))
            .limit(limit)
            .collectAsList()) {
      out.add(r.<java.sql.Date>getAs(DAY).toLocalDate());
    }
    return out;
  }

  /** The table ({@link TimelineColumns#SCHEMA}) from rows of the sentences table. */
  public static Dataset<Row> compute(Dataset<Row> sentences, Range range, CompareParams params) {
    return fromArticleDays(sentences, articleDays(sentences, range), params);
  }

  /** As {@link #compute}, with the sentences' {@link #articleDays} already computed. */
  static Dataset<Row> fromArticleDays(
      Dataset<Row> sentences, Dataset<Row> articleDays, CompareParams params) {
    Dataset<Row> dated =
        articleDays
            .where(col(STATUS).equalTo(DATED))
            .select(
                col(SentencesColumns.STORY).as("_t_story"),
                col(SentencesColumns.SOURCE).as("_t_source"),
                col(SentencesColumns.ARTICLE_ID).as("_t_article"),
                col(DAY));
    Dataset<Row> perSentence =
        sentences
            .join(
                dated,
                col(SentencesColumns.STORY)
                    .equalTo(col("_t_story"))
                    .and(col(SentencesColumns.SOURCE).equalTo(col("_t_source")))
                    .and(col(SentencesColumns.ARTICLE_ID).equalTo(col("_t_article"))))
            .withColumn(
                "_t_theme",
                explode(array_union(array(lit(ThemeIds.ALL)), col(SentencesColumns.THEMES))))
            .withColumn(
                "_t_mentions",
                when(
                        col("_t_theme").equalTo(ThemeIds.ALL),
                        size(col(SentencesColumns.THEME_MENTIONS)))
                    .otherwise(
                        size(
                            filter(
                                col(SentencesColumns.THEME_MENTIONS),
                                m -> m.equalTo(col("_t_theme"))))));
    Dataset<Row> cells =
        perSentence
            .groupBy(
                col(SentencesColumns.STORY),
                col(SentencesColumns.SOURCE),
                col(DAY),
                col("_t_theme"))
            .agg(
                // a set per cell, not countDistinct: no second copy of every row (Spark's expand)
                size(collect_set(SentencesColumns.ARTICLE_ID))
                    .cast(DataTypes.LongType)
                    .as(TimelineColumns.ARTICLES),
                count(lit(1)).as(TimelineColumns.SENTENCES),
                sum("_t_mentions").cast(DataTypes.LongType).as(TimelineColumns.MENTIONS),
                sum(SentencesColumns.N_TOKENS).cast(DataTypes.LongType).as(TimelineColumns.TOKENS),
                collect_list(
                        when(
                            col(SentencesColumns.TONE).isNotNull(),
                            struct(
                                col(SentencesColumns.ARTICLE_ID).as("id"),
                                col(SentencesColumns.TONE).as("tone"))))
                    .as("_t_tones"));
    Dataset<Row> storyDays =
        dated
            .groupBy(col("_t_story").as("_d_story"), col(DAY).as("_d_day"))
            // one row per article of the story
            .agg(count(lit(1)).as(TimelineColumns.STORY_ARTICLES));
    Dataset<Row> languages =
        StanceGroups.languages(sentences)
            .select(
                col(SentencesColumns.STORY).as("_l_story"),
                col(SentencesColumns.SOURCE).as("_l_source"),
                col(TimelineColumns.LANGUAGE));
    Dataset<Row> joined =
        cells
            .join(
                storyDays,
                col(SentencesColumns.STORY)
                    .equalTo(col("_d_story"))
                    .and(col(DAY).equalTo(col("_d_day"))))
            .join(
                languages,
                col(SentencesColumns.STORY)
                    .equalTo(col("_l_story"))
                    .and(col(SentencesColumns.SOURCE).equalTo(col("_l_source"))),
                "left")
            .select(
                col(SentencesColumns.STORY),
                col(SentencesColumns.SOURCE),
                col(TimelineColumns.LANGUAGE),
                col(DAY),
                col("_t_theme").as(TimelineColumns.THEME),
                col(TimelineColumns.ARTICLES),
                col(TimelineColumns.SENTENCES),
                col(TimelineColumns.MENTIONS),
                col(TimelineColumns.TOKENS),
                col(TimelineColumns.STORY_ARTICLES),
                col("_t_tones"));
    return joined.map(new Summarise(params), Encoders.row(TimelineColumns.SCHEMA));
  }

  /**
   * One cell's aggregates to one table row: the tone statistics computed here. Fields are read and
   * written by name ({@link TimelineColumns}); the cell's toned sentences are {@code _t_tones},
   * structs of {@code id} (article) and {@code tone}.
   */
  private record Summarise(CompareParams p) implements MapFunction<Row, Row> {
    @Override
    public Row call(Row r) {
      String story = r.getAs(TimelineColumns.STORY);
      String source = r.getAs(TimelineColumns.SOURCE);
      java.sql.Date day = r.getAs(TimelineColumns.DAY);
      String theme = r.getAs(TimelineColumns.THEME);
      long articles = r.<Long>getAs(TimelineColumns.ARTICLES);
      long storyArticles = r.<Long>getAs(TimelineColumns.STORY_ARTICLES);
      List<Row> tones = r.getList(r.fieldIndex("_t_tones"));
      List<String> ids = new ArrayList<>(tones.size());
      double[] values = new double[tones.size()];
      for (int i = 0; i < values.length; i++) {
        ids.add(tones.get(i).getAs("id"));
        values[i] = tones.get(i).<Double>getAs("tone");
      }
      ToneSample sample = ToneSample.of(ids, values);
      double[] ci = interval(p, sample, seed(p, story, source, day.toLocalDate(), theme));
      Object[] out = new Object[TimelineColumns.SCHEMA.size()];
      for (String copied :
          List.of(
              TimelineColumns.STORY,
              TimelineColumns.SOURCE,
              TimelineColumns.LANGUAGE,
              TimelineColumns.DAY,
              TimelineColumns.THEME,
              TimelineColumns.ARTICLES,
              TimelineColumns.SENTENCES,
              TimelineColumns.MENTIONS,
              TimelineColumns.TOKENS,
              TimelineColumns.STORY_ARTICLES)) {
        out[TimelineColumns.SCHEMA.fieldIndex(copied)] = r.getAs(copied);
      }
      put(out, TimelineColumns.SHARE, (double) articles / storyArticles);
      put(out, TimelineColumns.TONED_SENTENCES, (long) sample.sentences());
      put(out, TimelineColumns.TONE_MEAN, Columns.finiteOrNull(sample.mean()));
      put(out, TimelineColumns.TONE_CI_LOW, ci == null ? null : Columns.finiteOrNull(ci[0]));
      put(out, TimelineColumns.TONE_CI_HIGH, ci == null ? null : Columns.finiteOrNull(ci[1]));
      put(out, TimelineColumns.RESAMPLING, ci == null ? null : unit(p, sample));
      put(out, TimelineColumns.SMALL_SAMPLE, sample.sentences() < p.minSentences());
      return org.apache.spark.sql.RowFactory.create(out);
    }

    private static void put(Object[] row, String column, Object value) {
      row[TimelineColumns.SCHEMA.fieldIndex(column)] = value;
    }
  }

  /** The seed of a cell's bootstrap. */
  static long seed(CompareParams p, String story, String source, LocalDate day, String theme) {
    return Seeds.of(p.seed(), "timeline", story, source, day.toString(), theme);
  }

  /** Whole articles from {@code compare.min_articles_for_cluster} articles on, else sentences. */
  static String unit(CompareParams p, ToneSample sample) {
    return sample.articles() >= p.minArticlesForCluster()
        ? StanceGroups.BY_ARTICLE
        : StanceGroups.BY_SENTENCE;
  }

  /**
   * {@code {low, high}}, the percentile bootstrap interval of the sample's mean, or null below two
   * toned sentences.
   */
  static double[] interval(CompareParams p, ToneSample sample, long seed) {
    if (sample.sentences() < 2) {
      return null;
    }
    double[] reps = StanceGroups.replicates(p, sample, unit(p, sample), seed);
    return Statistics.percentileInterval(reps, p.confidence());
  }
}

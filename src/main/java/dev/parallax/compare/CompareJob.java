package dev.parallax.compare;

import dev.parallax.config.ConfigKeys;
import dev.parallax.config.ParallaxConfig;
import dev.parallax.warehouse.Table;
import dev.parallax.warehouse.Warehouse;
import dev.parallax.warehouse.schema.ArticlesColumns;
import dev.parallax.warehouse.schema.QuotesColumns;
import dev.parallax.warehouse.schema.SentencesColumns;
import dev.parallax.warehouse.schema.StanceBySourceColumns;
import dev.parallax.warehouse.schema.ThemeFrequencyColumns;
import dev.parallax.warehouse.schema.WindowColumns;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The compare stage: {@code sentences} to theme_frequency, stance_by_source, stance_difference,
 * distinctive_terms and source_summary, and {@code quotes} to quoted_speakers, all for one run
 * date. Same sentences and settings give identical table contents: every random draw is seeded per
 * row ({@link Seeds}) and every list is put in a canonical order before it is used.
 */
public final class CompareJob {
  private CompareJob() {}

  /** Columns of the sentences table the compare stage reads. */
  static final List<String> INPUT_COLUMNS =
      List.of(
          SentencesColumns.ARTICLE_ID,
          SentencesColumns.STORY,
          SentencesColumns.SOURCE,
          SentencesColumns.LANGUAGE,
          SentencesColumns.PUBLISHED_AT,
          SentencesColumns.N_TOKENS,
          SentencesColumns.TOKENS,
          SentencesColumns.THEMES,
          SentencesColumns.THEME_MENTIONS,
          SentencesColumns.TONE,
          SentencesColumns.HEDGES,
          SentencesColumns.BOOSTERS,
          SentencesColumns.ATTITUDE,
          SentencesColumns.SELF_MENTIONS,
          SentencesColumns.VOICE,
          SentencesColumns.AUTHORIAL_TONE);

  /**
   * Rows read and published per table, and the stories compared and skipped ({@link
   * #comparedStories}).
   */
  public record Result(
      long sentences,
      long themeFrequency,
      long stanceBySource,
      long stanceDifference,
      long distinctiveTerms,
      long sourceSummary,
      long quotedSpeakers,
      long timeline,
      int storiesCompared,
      int storiesSkipped,
      CompareWindow.Dates window,
      long windowCopies,
      long undatedArticles,
      long outOfRangeArticles,
      List<String> warnings) {
    public Result {
      warnings = List.copyOf(warnings);
    }

    /** Rows published over all seven tables. */
    public long rowsOut() {
      return themeFrequency
          + stanceBySource
          + stanceDifference
          + distinctiveTerms
          + sourceSummary
          + quotedSpeakers
          + timeline;
    }

    /** The counts as {@code key=value} pairs for the stage's log line. */
    public String detail() {
      return "theme_frequency="
          + themeFrequency
          + " stance_by_source="
          + stanceBySource
          + " stance_difference="
          + stanceDifference
          + " distinctive_terms="
          + distinctiveTerms
          + " source_summary="
          + sourceSummary
          + " quoted_speakers="
          + quotedSpeakers
          + " timeline="
          + timeline
          + " stories_compared="
          + storiesCompared
          + " stories_skipped="
          + storiesSkipped
          + " window="
          + window.start()
          + ".."
          + window.end()
          + " window_dates="
          + window.present().size()
          + " missing_dates="
          + window.missing().size()
          + " window_copies="
          + windowCopies
          + " undated_articles="
          + undatedArticles
          + " out_of_range_articles="
          + outOfRangeArticles;
    }
  }

  /**
   * Reads the sentences and quotes of the run dates of the window ({@code compare.window_days},
   * {@link CompareWindow}), computes and publishes the seven tables, each row with its window.
   *
   * @param labels theme labels and frames from the taxonomy, joined onto theme_frequency; may be
   *     empty (the columns are then null)
   * @throws dev.parallax.config.ConfigException for a compare setting out of range, before any
   *     Spark job
   * @throws dev.parallax.warehouse.MissingTableException when the sentences partition is missing
   */
  public static Result run(
      SparkSession spark,
      ParallaxConfig config,
      Warehouse warehouse,
      String runId,
      List<ThemeLabel> labels) {
    CompareParams params = CompareParams.from(config);
    LocalDate runDate = config.runDate();
    ZoneId zone = ZoneId.of(config.string(ConfigKeys.TIME_ZONE));
    CompareWindow.Dates window =
        CompareWindow.dates(warehouse, runDate, config.intValue(ConfigKeys.WINDOW_DAYS));
    List<String> warnings = new ArrayList<>();
    if (!window.missing().isEmpty()) {
      warnings.add(
          "compare: the window "
              + window.start()
              + ".."
              + window.end()
              + " reaches "
              + window.missing().size()
              + " run date(s) without sentences (never run, or not annotated): "
              + window.missing()
              + "; compared the other "
              + window.present().size());
    }
    CompareWindow.Read windowRead = CompareWindow.read(warehouse, window, config);
    Dataset<Row> all = windowRead.sentences();
    spark.sparkContext().setJobDescription("compare: sources per story");
    Map<String, Long> sourcesByStory = sourcesByStory(all);
    List<String> compared =
        comparedStories(sourcesByStory, config.intValue(ConfigKeys.MIN_SOURCES));
    int skipped = sourcesByStory.size() - compared.size();
    Dataset<Row> read =
        skipped == 0
            ? all
            : all.filter(
                org.apache
                    .spark
                    .sql
                    .functions
                    .col(SentencesColumns.STORY)
                    .isin(compared.toArray()));
    // Every table but distinctive_terms reads these columns, so they are cached once; the token
    // arrays, most of the table's bytes, are read from Parquet by distinctive_terms alone.
    Dataset<Row> sentences =
        read.select(
                INPUT_COLUMNS.stream()
                    .filter(c -> !c.equals(SentencesColumns.TOKENS))
                    .map(org.apache.spark.sql.functions::col)
                    .toArray(org.apache.spark.sql.Column[]::new))
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> groups = null;
    Dataset<Row> mentions = null;
    Dataset<Row> days = null;
    Tables tables = new Tables(spark, window);
    try {
      // Distinctive terms need neither the cache nor the stance groups: they start first and
      // run beside them.
      Future<Long> dt =
          tables.publish(
              warehouse,
              Table.DISTINCTIVE_TERMS,
              runDate,
              runId,
              () -> DistinctiveTerms.compute(read, params),
              "distinctive terms (log-odds)");
      Dataset<Row> quotes = windowRead.quotes();
      Future<Long> qs =
          tables.publish(
              warehouse,
              Table.QUOTED_SPEAKERS,
              runDate,
              runId,
              () ->
                  QuotedSpeakers.compute(
                      skipped == 0
                          ? quotes
                          : quotes.filter(
                              org.apache
                                  .spark
                                  .sql
                                  .functions
                                  .col(QuotesColumns.STORY)
                                  .isin(compared.toArray()))),
              "quoted speakers");
      spark.sparkContext().setJobDescription("compare: read sentences");
      long n = sentences.count();
      Dataset<Row> labelRows = labelFrame(spark, labels);
      Dataset<Row> stanceGroups =
          StanceGroups.fromSentences(sentences, params).persist(StorageLevel.MEMORY_AND_DISK());
      groups = stanceGroups;
      // theme frequency and the source summary rest on every sentence: voice "all"
      Dataset<Row> allVoices =
          stanceGroups.where(
              org.apache.spark.sql.functions.col(StanceBySourceColumns.VOICE).equalTo(Voices.ALL));
      // theme_frequency and source_summary count the same theme mentions: counted once
      Dataset<Row> mentioned =
          ThemeFrequency.mentions(sentences).persist(StorageLevel.MEMORY_AND_DISK());
      mentions = mentioned;
      spark.sparkContext().setJobDescription("compare: theme mentions");
      mentioned.count();
      spark
          .sparkContext()
          .setJobDescription("compare: stance groups (tones, bootstrap replicates)");
      stanceGroups.count();
      Future<Long> sd =
          tables.publish(
              warehouse,
              Table.STANCE_DIFFERENCE,
              runDate,
              runId,
              () -> StanceDifference.fromSamples(stanceGroups, params),
              "stance differences (bootstrap CIs, permutation tests, BH q-values)");
      Future<Long> tf =
          tables.publish(
              warehouse,
              Table.THEME_FREQUENCY,
              runDate,
              runId,
              () ->
                  ThemeFrequency.fromMentions(mentioned, allVoices, labelRows, params.priorScale()),
              "theme frequency");
      Future<Long> sbs =
          tables.publish(
              warehouse,
              Table.STANCE_BY_SOURCE,
              runDate,
              runId,
              () -> StanceBySource.fromSamples(stanceGroups, params),
              "stance by source (bootstrap CIs)");
      Dataset<Row> articleDays =
          Timeline.articleDays(sentences, Timeline.Range.of(zone, window.start(), window.end()))
              .persist(StorageLevel.MEMORY_AND_DISK());
      days = articleDays;
      Future<Long> tl =
          tables.publish(
              warehouse,
              Table.TIMELINE,
              runDate,
              runId,
              () -> Timeline.fromArticleDays(sentences, articleDays, params),
              "timeline (days, bootstrap CIs)");
      Dataset<Row> offTimeline = Timeline.offTimeline(articleDays);
      Future<Long> ss =
          tables.publish(
              warehouse,
              Table.SOURCE_SUMMARY,
              runDate,
              runId,
              () -> SourceSummary.fromSamples(sentences, allVoices, mentioned, offTimeline),
              "source summary");
      spark.sparkContext().setJobDescription("compare: articles kept out of the timeline");
      Row off =
          offTimeline
              .agg(
                  org.apache.spark.sql.functions.sum("undated_articles"),
                  org.apache.spark.sql.functions.sum("out_of_range_articles"))
              .first();
      long undated = off.isNullAt(0) ? 0 : off.getLong(0);
      long outOfRange = off.isNullAt(1) ? 0 : off.getLong(1);
      if (undated > 0) {
        warnings.add(
            "compare: "
                + undated
                + " article(s) without published_at: kept out of the timeline (source_summary"
                + ".undated_articles)");
      }
      if (outOfRange > 0) {
        warnings.add(
            "compare: "
                + outOfRange
                + " article(s) dated far from the window "
                + window.start()
                + ".."
                + window.end()
                + " and from their story's other articles (on "
                + Timeline.outOfRangeDays(articleDays, 5)
                + (outOfRange > 5 ? " among others" : "")
                + "): kept out of the timeline (source_summary.out_of_range_articles); check"
                + " their dates");
      }
      if (windowRead.windowCopies() > 0) {
        warnings.add(
            "compare: "
                + windowRead.windowCopies()
                + " article(s) arrived again on another run date of the window: counted once");
      }
      tables.awaitAll();
      return new Result(
          n,
          tables.get(tf),
          tables.get(sbs),
          tables.get(sd),
          tables.get(dt),
          tables.get(ss),
          tables.get(qs),
          tables.get(tl),
          compared.size(),
          skipped,
          window,
          windowRead.windowCopies(),
          undated,
          outOfRange,
          warnings);
    } finally {
      // No table still runs on the caches dropped below: on a failure, the tables already
      // started finish (and are published) before the error leaves the stage.
      tables.awaitAllQuietly();
      if (groups != null) {
        groups.unpersist();
      }
      if (mentions != null) {
        mentions.unpersist();
      }
      if (days != null) {
        days.unpersist();
      }
      sentences.unpersist();
    }
  }

  /** Distinct sources of each story among the sentences, by story id. */
  static Map<String, Long> sourcesByStory(Dataset<Row> sentences) {
    Map<String, Long> out = new java.util.TreeMap<>();
    for (Row r :
        sentences
            .groupBy(SentencesColumns.STORY)
            .agg(org.apache.spark.sql.functions.countDistinct(SentencesColumns.SOURCE))
            .collectAsList()) {
      out.put(r.getString(0), r.getLong(1));
    }
    return out;
  }

  /**
   * The stories compare compares, in id order: those with at least {@code minSources} sources
   * ({@code compare.min_sources}), except the {@code unassigned} articles, which are not one story.
   * The others are listed in the stories table with the reason.
   */
  static List<String> comparedStories(Map<String, Long> sourcesByStory, int minSources) {
    List<String> out = new ArrayList<>();
    sourcesByStory.forEach(
        (story, sources) -> {
          if (sources >= minSources && !story.equals(ArticlesColumns.UNASSIGNED_STORY)) {
            out.add(story);
          }
        });
    return out;
  }

  /**
   * The six tables are computed and published side by side, each from its own driver thread: a
   * table's small jobs (planning, code generation, counting, range sampling, writing a few files)
   * would otherwise leave the cores idle between them, and the larger ones fill the gaps. Spark
   * runs at most one task per core whatever the number of jobs, so memory per task is what it was
   * with one table at a time. Table contents do not depend on the order: every random draw is
   * seeded per row. The first table to fail fails the stage, after the others finished.
   */
  static final class Tables {
    private final SparkSession spark;
    private final CompareWindow.Dates window;
    private final ExecutorService pool;
    private final List<Future<Long>> started = new ArrayList<>();

    Tables(SparkSession spark, CompareWindow.Dates window) {
      this.spark = spark;
      this.window = window;
      AtomicInteger number = new AtomicInteger();
      this.pool =
          Executors.newCachedThreadPool(
              r -> {
                Thread t = new Thread(r, "parallax-compare-" + number.incrementAndGet());
                t.setDaemon(true);
                return t;
              });
    }

    Future<Long> publish(
        Warehouse warehouse,
        Table table,
        LocalDate runDate,
        String runId,
        Supplier<Dataset<Row>> rows,
        String what) {
      return submit(
          () ->
              CompareJob.publish(
                  spark, warehouse, table, runDate, runId, withWindow(rows.get(), window), what));
    }

    Future<Long> submit(Callable<Long> work) {
      Future<Long> f = pool.submit(work);
      started.add(f);
      return f;
    }

    /**
     * Waits for every table started; then rethrows the first failure (in submission order) as it
     * was thrown, with later failures suppressed in it.
     */
    void awaitAll() {
      waitForAll();
      Throwable first = null;
      for (Future<Long> f : started) {
        try {
          get(f);
        } catch (RuntimeException | Error e) {
          if (first == null) {
            first = e;
          } else if (first != e && !Arrays.asList(first.getSuppressed()).contains(e)) {
            first.addSuppressed(e);
          }
        }
      }
      if (first instanceof Error err) {
        throw err;
      }
      if (first != null) {
        throw (RuntimeException) first;
      }
    }

    /** Waits for every table started, whatever its outcome, and releases the threads. */
    void awaitAllQuietly() {
      try {
        waitForAll();
      } finally {
        pool.shutdown();
      }
    }

    private void waitForAll() {
      for (Future<Long> f : started) {
        try {
          get(f);
        } catch (RuntimeException | Error e) {
          // reported by awaitAll
        }
      }
    }

    long get(Future<Long> f) {
      boolean interrupted = false;
      try {
        while (true) {
          try {
            return f.get();
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException r) {
          throw r;
        }
        if (cause instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(cause);
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** The rows with the window's first and last run date ({@link WindowColumns}) appended. */
  static Dataset<Row> withWindow(Dataset<Row> rows, CompareWindow.Dates window) {
    return rows.withColumn(
            WindowColumns.WINDOW_START,
            org.apache.spark.sql.functions.lit(java.sql.Date.valueOf(window.start())))
        .withColumn(
            WindowColumns.WINDOW_END,
            org.apache.spark.sql.functions.lit(java.sql.Date.valueOf(window.end())));
  }

  /** Computes the table once (persisted, under a named Spark job), then publishes it. */
  private static long publish(
      SparkSession spark,
      Warehouse warehouse,
      Table table,
      LocalDate runDate,
      String runId,
      Dataset<Row> rows,
      String what) {
    Dataset<Row> cached = rows.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      spark.sparkContext().setJobDescription("compare: " + what);
      cached.count();
      return warehouse.publish(table, runDate, runId, cached);
    } finally {
      cached.unpersist();
    }
  }

  /**
   * The labels as a small frame (theme, theme_label, frame; the first label of a theme wins), or
   * null when there are none.
   */
  static Dataset<Row> labelFrame(SparkSession spark, List<ThemeLabel> labels) {
    if (labels == null || labels.isEmpty()) {
      return null;
    }
    Map<String, Row> byTheme = new LinkedHashMap<>();
    for (ThemeLabel l : labels) {
      byTheme.putIfAbsent(l.theme(), RowFactory.create(l.theme(), l.label(), l.frame()));
    }
    List<Row> rows = new ArrayList<>(byTheme.values());
    StructType schema =
        new StructType()
            .add(ThemeFrequencyColumns.THEME, DataTypes.StringType, false)
            .add(ThemeFrequencyColumns.THEME_LABEL, DataTypes.StringType)
            .add(ThemeFrequencyColumns.FRAME, DataTypes.StringType);
    return spark.createDataFrame(rows, schema);
  }

  static void checkColumns(StructType schema, String where) {
    List<String> have = Arrays.asList(schema.fieldNames());
    List<String> missing = INPUT_COLUMNS.stream().filter(c -> !have.contains(c)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "sentences at "
              + where
              + " lack column(s) "
              + missing
              + "; rerun the annotate stage for this run date with this version of parallax");
    }
  }
}

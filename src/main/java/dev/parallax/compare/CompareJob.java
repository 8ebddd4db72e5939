package dev.parallax.compare;

import dev.parallax.config.ParallaxConfig;
import dev.parallax.warehouse.Table;
import dev.parallax.warehouse.Warehouse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The compare stage: {@code sentences} to theme_frequency, stance_by_source, stance_difference,
 * distinctive_terms and source_summary, all for one run date. Same sentences and settings give
 * identical table contents: every random draw is seeded per row ({@link Seeds}) and every list is
 * put in a canonical order before it is used.
 */
public final class CompareJob {
  private CompareJob() {}

  /** Columns of the sentences table the compare stage reads. */
  static final List<String> INPUT_COLUMNS = List.of("article_id", "story", "source",
      "published_at", "n_tokens", "tokens", "themes", "theme_mentions", "tone", "hedges",
      "boosters", "attitude", "self_mentions");

  /** Rows read and published per table. */
  public record Result(long sentences, long themeFrequency, long stanceBySource,
      long stanceDifference, long distinctiveTerms, long sourceSummary) {
    /** Rows published over all five tables. */
    public long rowsOut() {
      return themeFrequency + stanceBySource + stanceDifference + distinctiveTerms + sourceSummary;
    }

    /** The counts as {@code key=value} pairs for the stage's log line. */
    public String detail() {
      return "theme_frequency=" + themeFrequency + " stance_by_source=" + stanceBySource
          + " stance_difference=" + stanceDifference + " distinctive_terms=" + distinctiveTerms
          + " source_summary=" + sourceSummary;
    }
  }

  /**
   * Reads the run date's sentences, computes and publishes the five tables.
   *
   * @param labels theme labels and frames from the taxonomy, joined onto theme_frequency; may be
   *     empty (the columns are then null)
   * @throws dev.parallax.config.ConfigException for a compare setting out of range, before any
   *     Spark job
   * @throws dev.parallax.warehouse.MissingTableException when the sentences partition is missing
   */
  public static Result run(SparkSession spark, ParallaxConfig config, Warehouse warehouse,
      String runId, List<ThemeLabel> labels) {
    CompareParams params = CompareParams.from(config);
    LocalDate runDate = config.runDate();
    Dataset<Row> read = warehouse.read(Table.SENTENCES, runDate);
    checkColumns(read.schema(), warehouse.partitionPath(Table.SENTENCES, runDate).toString());
    // Every table but distinctive_terms reads these columns, so they are cached once; the token
    // arrays, most of the table's bytes, are read from Parquet by distinctive_terms alone.
    Dataset<Row> sentences = read.select(INPUT_COLUMNS.stream().filter(c -> !c.equals("tokens"))
            .map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new))
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> groups = null;
    try {
      spark.sparkContext().setJobDescription("compare: read sentences");
      long n = sentences.count();
      Dataset<Row> labelRows = labelFrame(spark, labels);
      groups = StanceGroups.fromSentences(sentences, params)
          .persist(StorageLevel.MEMORY_AND_DISK());
      spark.sparkContext().setJobDescription(
          "compare: stance groups (tones, bootstrap replicates)");
      groups.count();
      long tf = publish(spark, warehouse, Table.THEME_FREQUENCY, runDate, runId,
          ThemeFrequency.fromSamples(sentences, groups, labelRows, params.priorScale()),
          "theme frequency");
      long sbs = publish(spark, warehouse, Table.STANCE_BY_SOURCE, runDate, runId,
          StanceBySource.fromSamples(groups, params), "stance by source (bootstrap CIs)");
      long sd = publish(spark, warehouse, Table.STANCE_DIFFERENCE, runDate, runId,
          StanceDifference.fromSamples(groups, params),
          "stance differences (bootstrap CIs, permutation tests, BH q-values)");
      long dt = publish(spark, warehouse, Table.DISTINCTIVE_TERMS, runDate, runId,
          DistinctiveTerms.compute(read.select("story", "source", "tokens"), params),
          "distinctive terms (log-odds)");
      long ss = publish(spark, warehouse, Table.SOURCE_SUMMARY, runDate, runId,
          SourceSummary.fromSamples(sentences, groups), "source summary");
      return new Result(n, tf, sbs, sd, dt, ss);
    } finally {
      if (groups != null) {
        groups.unpersist();
      }
      sentences.unpersist();
    }
  }

  /** Computes the table once (persisted, under a named Spark job), then publishes it. */
  private static long publish(SparkSession spark, Warehouse warehouse, Table table,
      LocalDate runDate, String runId, Dataset<Row> rows, String what) {
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
    StructType schema = new StructType()
        .add("theme", DataTypes.StringType, false)
        .add("theme_label", DataTypes.StringType)
        .add("frame", DataTypes.StringType);
    return spark.createDataFrame(rows, schema);
  }

  private static void checkColumns(StructType schema, String where) {
    List<String> have = Arrays.asList(schema.fieldNames());
    List<String> missing = INPUT_COLUMNS.stream().filter(c -> !have.contains(c)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("sentences at " + where + " lack column(s) " + missing
          + "; rerun the annotate stage for this run date with this version of parallax");
    }
  }
}

package dev.parallax.compare;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import dev.parallax.config.ConfigKeys;
import dev.parallax.config.ParallaxConfig;
import dev.parallax.stories.NearDuplicates;
import dev.parallax.warehouse.Table;
import dev.parallax.warehouse.Warehouse;
import dev.parallax.warehouse.schema.ArticlesColumns;
import dev.parallax.warehouse.schema.QuotesColumns;
import dev.parallax.warehouse.schema.SentencesColumns;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

/**
 * The run dates one compare covers ({@code compare.window_days}) and the sentences and quotes it
 * reads from them.
 *
 * <p>The window of run date {@code d} and {@code N} days is the run dates {@code (d − N, d]}. A
 * date of the window whose sentences were never published is <em>missing</em>: listed, and the
 * compare runs on the others (the run date itself must have sentences, as with one day).
 *
 * <p>Each date's articles were deduplicated by ingest within the date (exact and near duplicates
 * are not annotated). Across dates, an article that arrived again counts once: among the articles
 * each date annotated (neither {@code duplicate_of} nor {@code near_duplicate_of} set), those with
 * the same {@code content_sha256}, then those with the same {@code article_id} (the same source and
 * URL crawled again), then (with {@code dedup.enabled}) those that are near duplicates of one on
 * another date (the same MinHash and exact-Jaccard test as ingest, {@link NearDuplicates}) keep
 * only the earliest published (null dates last, then the earliest run date, then the smallest id);
 * the others' sentences and quotes, and those of their own copies annotated with {@code
 * annotate.include_duplicates}, are left out. Story ids of declared and seeded stories are the same
 * on every date; automatic stories ({@code auto-N}) are numbered per run date, so sentences of
 * other dates count only for declared and seeded stories. The result depends only on the partitions
 * in the window, never on the order they were written in: a backfill or a rerun of one date
 * followed by a compare gives what a compare after runs in date order gives.
 */
public final class CompareWindow {
  private CompareWindow() {}

  /** Largest {@code compare.window_days}. */
  public static final int MAX_DAYS = 366;

  /**
   * The run dates of one window.
   *
   * @param start first run date, inclusive
   * @param end the run date, inclusive
   * @param present dates with published sentences, ascending
   * @param missing dates without, ascending
   */
  public record Dates(
      LocalDate start, LocalDate end, List<LocalDate> present, List<LocalDate> missing) {
    public Dates {
      present = List.copyOf(present);
      missing = List.copyOf(missing);
    }

    /** Days in the window, present or not. */
    public int days() {
      return present.size() + missing.size();
    }
  }

  /**
   * What one compare reads.
   *
   * @param sentences the window's sentences, copies left out (the sentences schema)
   * @param quotes the window's quotes, same articles (the quotes schema)
   * @param windowCopies articles left out as copies of an article of another date of the window
   * @param otherDateStoriesSkipped articles of other dates left out because their story is
   *     automatic or unassigned (numbered per date)
   */
  public record Read(
      Dataset<Row> sentences,
      Dataset<Row> quotes,
      long windowCopies,
      long otherDateStoriesSkipped) {}

  /** The window of {@code days} run dates ending on {@code runDate} in the warehouse. */
  public static Dates dates(Warehouse warehouse, LocalDate runDate, int days) {
    if (days < 1 || days > MAX_DAYS) {
      throw new IllegalArgumentException("window days must be in [1, " + MAX_DAYS + "]: " + days);
    }
    List<LocalDate> present = new ArrayList<>();
    List<LocalDate> missing = new ArrayList<>();
    LocalDate start = runDate.minusDays(days - 1L);
    for (LocalDate d = start; !d.isAfter(runDate); d = d.plusDays(1)) {
      if (d.equals(runDate) || warehouse.exists(Table.SENTENCES, d)) {
        present.add(d);
      } else {
        missing.add(d);
      }
    }
    return new Dates(start, runDate, present, missing);
  }

  private static final String RUN_DATE = "_w_run_date";
  private static final String REP = "_w_rep";
  private static final String ELIGIBLE = "_w_eligible";

  /**
   * The sentences and quotes of the window's dates, each article counted once. One date alone is
   * read as it is (no articles are read). Runs Spark jobs when the window has several dates.
   *
   * @throws dev.parallax.warehouse.MissingTableException when the run date has no sentences
   */
  public static Read read(Warehouse warehouse, Dates dates, ParallaxConfig config) {
    if (dates.present().size() == 1) {
      LocalDate d = dates.present().get(0);
      Dataset<Row> sentences = sentences(warehouse, d);
      return new Read(sentences, quotes(warehouse, d, sentences), 0, 0);
    }
    Dataset<Row> articles = null;
    Dataset<Row> sentences = null;
    Dataset<Row> quotes = null;
    for (LocalDate d : dates.present()) {
      Dataset<Row> s = sentences(warehouse, d);
      Dataset<Row> a =
          warehouse
              .read(Table.ARTICLES, d)
              .select(
                  col(ArticlesColumns.ARTICLE_ID),
                  col(ArticlesColumns.STORY_KIND),
                  col(ArticlesColumns.CONTENT_SHA256),
                  col(ArticlesColumns.DUPLICATE_OF),
                  col(ArticlesColumns.NEAR_DUPLICATE_OF),
                  col(ArticlesColumns.PUBLISHED_AT),
                  col(ArticlesColumns.TEXT))
              .withColumn(RUN_DATE, lit(java.sql.Date.valueOf(d)))
              .withColumn(
                  ELIGIBLE,
                  lit(d.equals(dates.end()))
                      .or(
                          col(ArticlesColumns.STORY_KIND)
                              .isin(ArticlesColumns.KIND_DECLARED, ArticlesColumns.KIND_SEEDED)));
      Dataset<Row> q = quotes(warehouse, d, s);
      Column date = lit(java.sql.Date.valueOf(d));
      articles = articles == null ? a : articles.unionByName(a);
      sentences =
          sentences == null
              ? s.withColumn(RUN_DATE, date)
              : sentences.unionByName(s.withColumn(RUN_DATE, date));
      quotes =
          quotes == null
              ? q.withColumn(RUN_DATE, date)
              : quotes.unionByName(q.withColumn(RUN_DATE, date));
    }
    Dataset<Row> marked = representatives(articles, config).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      articles.sparkSession().sparkContext().setJobDescription("compare: articles of the window");
      List<Row> counts =
          marked
              .where(col("_w_is_rep"))
              .agg(count(when(col("_w_copy"), 1)), count(when(col(ELIGIBLE).unary_$bang(), 1)))
              .collectAsList();
      Row c = counts.get(0);
      long copies = c.getLong(0);
      long skipped = c.getLong(1);
      Dataset<Row> kept =
          marked
              .where(col(ELIGIBLE).and(col("_w_copy").unary_$bang()))
              .select(col(RUN_DATE), col(ArticlesColumns.ARTICLE_ID).as("_w_id"))
              .localCheckpoint(true);
      return new Read(
          keep(sentences, kept, SentencesColumns.ARTICLE_ID),
          keep(quotes, kept, QuotesColumns.ARTICLE_ID),
          copies,
          skipped);
    } finally {
      marked.unpersist();
    }
  }

  /** One date's sentences, checked to have the columns compare reads. */
  private static Dataset<Row> sentences(Warehouse warehouse, LocalDate d) {
    Dataset<Row> s = warehouse.read(Table.SENTENCES, d);
    CompareJob.checkColumns(s.schema(), warehouse.partitionPath(Table.SENTENCES, d).toString());
    return s;
  }

  /** The rows whose (run date, article id) is kept, without the run date column. */
  private static Dataset<Row> keep(Dataset<Row> rows, Dataset<Row> kept, String idColumn) {
    return rows.join(
            org.apache.spark.sql.functions.broadcast(kept),
            rows.col(RUN_DATE)
                .equalTo(kept.col(RUN_DATE))
                .and(rows.col(idColumn).equalTo(kept.col("_w_id"))),
            "left_semi")
        .drop(RUN_DATE);
  }

  private static Dataset<Row> quotes(Warehouse warehouse, LocalDate d, Dataset<Row> sentences) {
    if (warehouse.exists(Table.QUOTES, d)) {
      return warehouse.read(Table.QUOTES, d);
    }
    // sentences annotated before quotes existed: no quotes on that date
    return sentences.sparkSession().createDataFrame(List.of(), QuotesColumns.SCHEMA);
  }

  /**
   * Every article of the window ({@code articles} with {@value #RUN_DATE} and {@value #ELIGIBLE})
   * with {@code _w_copy}: true when it is, or is a copy within its date of, an article that counts
   * on another date (rules in the class comment); {@code _w_is_rep}: true for the articles each
   * date annotated. Other columns: article id, run date, eligible.
   */
  static Dataset<Row> representatives(Dataset<Row> articles, ParallaxConfig config) {
    // each article's representative on its date: the article annotated for it
    Dataset<Row> own =
        articles
            .where(col(ArticlesColumns.DUPLICATE_OF).isNull())
            .select(
                col(RUN_DATE),
                col(ArticlesColumns.ARTICLE_ID).as("_w_aid"),
                coalesce(col(ArticlesColumns.NEAR_DUPLICATE_OF), col(ArticlesColumns.ARTICLE_ID))
                    .as(REP));
    Dataset<Row> withRep =
        articles
            .withColumn("_w_lookup", coalesce(col(ArticlesColumns.DUPLICATE_OF), col("article_id")))
            .join(
                own.withColumnRenamed(RUN_DATE, "_w_rd"),
                col(RUN_DATE).equalTo(col("_w_rd")).and(col("_w_lookup").equalTo(col("_w_aid"))),
                "left")
            .withColumn(REP, coalesce(col(REP), col("_w_lookup")))
            .drop("_w_rd", "_w_aid", "_w_lookup");
    // the articles each date annotated, eligible to count in the window
    Dataset<Row> candidates =
        articles.where(
            col(ArticlesColumns.DUPLICATE_OF)
                .isNull()
                .and(col(ArticlesColumns.NEAR_DUPLICATE_OF).isNull())
                .and(col(ELIGIBLE)));
    Column[] order = {
      col(ArticlesColumns.PUBLISHED_AT).asc_nulls_last(),
      col(RUN_DATE).asc(),
      col(ArticlesColumns.ARTICLE_ID).asc()
    };
    Dataset<Row> byContent =
        candidates
            .withColumn(
                "_w_n",
                row_number()
                    .over(Window.partitionBy(ArticlesColumns.CONTENT_SHA256).orderBy(order)))
            .where(col("_w_n").equalTo(1))
            .drop("_w_n");
    Dataset<Row> byId =
        byContent
            .withColumn(
                "_w_n",
                row_number().over(Window.partitionBy(ArticlesColumns.ARTICLE_ID).orderBy(order)))
            .where(col("_w_n").equalTo(1))
            .drop("_w_n");
    Dataset<Row> counted = byId;
    if (config.booleanValue(ConfigKeys.DEDUP_ENABLED)) {
      counted = nearDuplicatesAcrossDates(byId, NearDuplicates.Params.of(config));
    }
    Dataset<Row> countedKeys =
        counted.select(col(RUN_DATE).as("_w_c_rd"), col(ArticlesColumns.ARTICLE_ID).as("_w_c_id"));
    // an article is a window copy when its date's representative was eligible but does not count
    Dataset<Row> candidateKeys =
        candidates.select(
            col(RUN_DATE).as("_w_k_rd"), col(ArticlesColumns.ARTICLE_ID).as("_w_k_id"));
    return withRep
        .join(
            candidateKeys,
            col(RUN_DATE).equalTo(col("_w_k_rd")).and(col(REP).equalTo(col("_w_k_id"))),
            "left")
        .join(
            countedKeys,
            col(RUN_DATE).equalTo(col("_w_c_rd")).and(col(REP).equalTo(col("_w_c_id"))),
            "left")
        .select(
            col(RUN_DATE),
            col(ArticlesColumns.ARTICLE_ID),
            col(ELIGIBLE),
            col(REP).equalTo(col(ArticlesColumns.ARTICLE_ID)).as("_w_is_rep"),
            col("_w_k_id").isNotNull().and(col("_w_c_id").isNull()).as("_w_copy"));
  }

  /**
   * The candidates that are not near duplicates of a candidate on another date: {@link
   * NearDuplicates#mark} over the window, ids prefixed with the run date so the earliest run date
   * wins a tie of publication times; a member whose canonical is on its own date stays (ingest
   * judged that date).
   */
  private static Dataset<Row> nearDuplicatesAcrossDates(
      Dataset<Row> candidates, NearDuplicates.Params params) {
    Column windowId =
        concat(date_format(col(RUN_DATE), "yyyy-MM-dd"), lit("/"), col(ArticlesColumns.ARTICLE_ID));
    Dataset<Row> frame =
        candidates.select(
            windowId.as(ArticlesColumns.ARTICLE_ID),
            lit(null).cast(DataTypes.StringType).as(ArticlesColumns.DUPLICATE_OF),
            lit(null).cast(DataTypes.StringType).as(ArticlesColumns.NEAR_DUPLICATE_OF),
            lit(null).cast(DataTypes.DoubleType).as(ArticlesColumns.NEAR_DUPLICATE_SIMILARITY),
            col(ArticlesColumns.PUBLISHED_AT),
            col(ArticlesColumns.TEXT));
    Dataset<Row> marked = NearDuplicates.mark(frame, params, "compare: window");
    Dataset<Row> dropped =
        marked
            .where(
                col(ArticlesColumns.NEAR_DUPLICATE_OF)
                    .isNotNull()
                    .and(
                        org.apache
                            .spark
                            .sql
                            .functions
                            .substring(col(ArticlesColumns.NEAR_DUPLICATE_OF), 1, 10)
                            .notEqual(
                                org.apache.spark.sql.functions.substring(
                                    col(ArticlesColumns.ARTICLE_ID), 1, 10))))
            .select(col(ArticlesColumns.ARTICLE_ID).as("_w_drop"));
    return candidates
        .withColumn("_w_wid", windowId)
        .join(dropped, col("_w_wid").equalTo(col("_w_drop")), "left_anti")
        .drop("_w_wid");
  }
}

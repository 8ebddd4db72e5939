package dev.parallax.nlp;

import static org.apache.spark.sql.functions.col;

import dev.parallax.config.ConfigKeys;
import dev.parallax.config.ParallaxConfig;
import dev.parallax.warehouse.Table;
import dev.parallax.warehouse.Warehouse;
import dev.parallax.warehouse.schema.ArticlesColumns;
import dev.parallax.warehouse.schema.SentencesColumns;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The annotate stage: {@code articles} to {@code sentences}. */
public final class AnnotateJob {
  private AnnotateJob() {}

  /** Counts of one annotate run. */
  public record Result(long articles, long sentences) {}

  /**
   * The sentences of the non-duplicate articles (all articles if configured), unpublished, in the
   * table's order: articles are range-partitioned and sorted by article_id into {@code slices}
   * partitions and annotated in that order, so each partition's sentences come sorted by
   * (article_id, sentence_idx) and partitions hold consecutive key ranges, as {@link
   * Warehouse#publishOrdered} needs.
   */
  public static Dataset<Row> sentences(
      SparkSession spark,
      Dataset<Row> articles,
      SentenceAnnotator annotator,
      boolean includeDuplicates,
      int slices) {
    Dataset<Row> input =
        (includeDuplicates ? articles : articles.filter(col(ArticlesColumns.DUPLICATE_OF).isNull()))
            .select(
                SentenceAnnotator.INPUT.stream()
                    .map(org.apache.spark.sql.functions::col)
                    .toArray(org.apache.spark.sql.Column[]::new))
            .repartitionByRange(slices, col(ArticlesColumns.ARTICLE_ID))
            .sortWithinPartitions(ArticlesColumns.ARTICLE_ID);
    JavaRDD<Row> rows = input.javaRDD().mapPartitions(annotator::annotatePartition);
    return spark.createDataFrame(rows, SentencesColumns.SCHEMA);
  }

  /**
   * Annotate tasks for {@code articles} articles: two per core, and more for a large corpus so a
   * task holds at most {@link #ARTICLES_PER_SLICE} articles (its sort of the article texts stays
   * small, and the table gets one file per task).
   */
  static int slices(int defaultParallelism, long articles) {
    long bySize = (articles + ARTICLES_PER_SLICE - 1) / ARTICLES_PER_SLICE;
    return (int) Math.max(Math.max(1, 2L * defaultParallelism), Math.min(10_000, bySize));
  }

  /** Most articles one annotate task takes (see {@link #slices}). */
  static final long ARTICLES_PER_SLICE = 5_000;

  public static Result run(
      SparkSession spark,
      ParallaxConfig config,
      Warehouse warehouse,
      String runId,
      NlpLexicons lexicons) {
    spark.sparkContext().setJobDescription("annotate: build the Spark NLP pipeline");
    SentenceAnnotator annotator = SentenceAnnotator.build(spark, lexicons);
    Dataset<Row> articles = warehouse.read(Table.ARTICLES, config.runDate());
    int slices = slices(spark.sparkContext().defaultParallelism(), articles.count());
    spark
        .sparkContext()
        .setJobDescription(
            "annotate: sentences, themes, tone and stance markers, written as annotated");
    Dataset<Row> sentences =
        sentences(
            spark, articles, annotator, config.booleanValue(ConfigKeys.INCLUDE_DUPLICATES), slices);
    // annotated once, as the rows are written; nothing is persisted
    long n = warehouse.publishOrdered(Table.SENTENCES, config.runDate(), runId, sentences);
    spark.sparkContext().setJobDescription("annotate: count annotated articles");
    long docs =
        warehouse
            .read(Table.SENTENCES, config.runDate())
            .where(col(SentencesColumns.SENTENCE_IDX).equalTo(0))
            .count();
    return new Result(docs, n);
  }
}
